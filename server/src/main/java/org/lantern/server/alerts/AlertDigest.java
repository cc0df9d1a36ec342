package org.lantern.server.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.terms.SchoolCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily and weekly digests of the safeguarding alerts that were not emailed at once (below
 * level {@value SafeguardingAlerts#EMAIL_LEVEL}, or about events too old when they reached
 * Lantern), emailed to the same people as alert emails at {@code lantern.alerts.delivery.digest.time}
 * (school time): the daily one on school days only ({@link OutOfHours}: not at weekends, in
 * half-terms, holidays or on INSET days), about the days since the school day before, so the first
 * day back gathers the weekend or the holiday; the weekly one, on
 * {@code lantern.alerts.delivery.digest.weekly-day}, about the seven days before, whatever the
 * calendar, so whoever covers safeguarding in the holidays still sees the week's count.
 *
 * <p>A digest gives counts by level and category and links to the queue, nothing else: no name,
 * no words, as for alert emails. Each period is recorded ({@code alert_digest}) in the transaction
 * that owes its email through the durable {@link DeliveryOutbox}, so a period is sent once, across
 * restarts and servers sharing the database; a server that was down at the send time sends the
 * latest period when it starts. A period with no alerts is recorded and not emailed.
 */
@Service
class AlertDigest {

    /** Daily or weekly. */
    enum Period {
        DAILY("daily", 1), WEEKLY("weekly", 7);

        private final String word;
        private final int days;

        Period(String word, int days) {
            this.word = word;
            this.days = days;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AlertDigest.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /** How far back a digest looks for a school day: past any summer holiday. */
    static final int LOOK_BACK_DAYS = 400;

    private final JdbcClient jdbc;
    private final DeliveryOutbox deliveries;
    private final AlertOutbox alertEmail;
    private final DeliveryProperties settings;
    private final OutOfHours outOfHours;
    private final TransactionTemplate transaction;

    AlertDigest(JdbcClient jdbc, DeliveryOutbox deliveries, AlertOutbox alertEmail, DeliveryProperties settings,
                OutOfHours outOfHours, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.alertEmail = alertEmail;
        this.settings = settings;
        this.outOfHours = outOfHours;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The days a digest covers.
     *
     * @param start its first day
     * @param end   the day after its last
     */
    record Span(LocalDate start, LocalDate end) {
        int days() {
            return (int) ChronoUnit.DAYS.between(start, end);
        }
    }

    /**
     * The latest daily period whose send time has passed at {@code now}: sent on the latest school
     * day by then, it covers the days from the school day before it; empty when no school day is
     * within {@link #LOOK_BACK_DAYS}.
     */
    static Optional<Span> dailyPeriod(ZonedDateTime now, LocalTime time, Predicate<LocalDate> schoolDay) {
        LocalDate sendDay = now.toLocalTime().isBefore(time) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
        Optional<LocalDate> sent = latestSchoolDay(sendDay, schoolDay);
        return sent.map(day -> new Span(latestSchoolDay(day.minusDays(1), schoolDay).orElse(day.minusDays(1)), day));
    }

    private static Optional<LocalDate> latestSchoolDay(LocalDate from, Predicate<LocalDate> schoolDay) {
        for (int back = 0; back < LOOK_BACK_DAYS; back++) {
            if (schoolDay.test(from.minusDays(back))) {
                return Optional.of(from.minusDays(back));
            }
        }
        return Optional.empty();
    }

    /** The first day of the latest weekly period whose send time has passed at {@code now}. */
    static LocalDate weeklyPeriod(ZonedDateTime now, LocalTime time, DayOfWeek day) {
        LocalDate sendDay = now.toLocalDate().with(TemporalAdjusters.previousOrSame(day));
        if (sendDay.equals(now.toLocalDate()) && now.toLocalTime().isBefore(time)) {
            sendDay = sendDay.minusWeeks(1);
        }
        return sendDay.minusDays(Period.WEEKLY.days);
    }

    @Scheduled(fixedDelayString = "${lantern.alerts.delivery.digest.check-interval:PT1M}",
            initialDelayString = "${lantern.alerts.mail.initial-delay:PT20S}")
    void tick() {
        try {
            makeDue(Instant.now());
        } catch (RuntimeException e) {
            log.error("Alert digests could not be made; they will be tried again", e);
        }
    }

    /**
     * Makes the latest daily and weekly digests due by {@code now} that have not been made.
     *
     * @return how many digests were emailed
     */
    int makeDue(Instant now) {
        if (!deliveries.emailOn()) {
            return 0;
        }
        ZonedDateTime local = now.atZone(SchoolTime.ZONE);
        DeliveryProperties.Digest digest = settings.digest();
        SchoolCalendar calendar = outOfHours.calendar();
        Set<DayOfWeek> openDays = outOfHours.openDays();
        LocalDate weekly = weeklyPeriod(local, digest.time(), digest.weeklyDay());
        int owed = dailyPeriod(local, digest.time(), day -> calendar.schoolDay(day, openDays))
                .map(span -> make(Period.DAILY, span)).orElse(0)
                + make(Period.WEEKLY, new Span(weekly, weekly.plusDays(Period.WEEKLY.days)));
        if (owed > 0) {
            deliveries.wake();
        }
        return owed;
    }

    private record Count(String kind, String category, int level, int alerts, int late) {
    }

    private int make(Period period, Span span) {
        LocalDate start = span.start();
        boolean made = jdbc.sql("SELECT COUNT(*) FROM alert_digest WHERE period = :p AND starts_on = :d")
                .param("p", period.name()).param("d", start).query(Long.class).single() > 0;
        if (made) {
            return 0;
        }
        try {
            Integer owed = transaction.execute(status -> {
                List<Count> counts = counts(start, span.end());
                int alerts = counts.stream().mapToInt(Count::alerts).sum();
                jdbc.sql("INSERT INTO alert_digest (period, starts_on, created_at, alerts) VALUES (:p, :d, :now, :n)")
                        .param("p", period.name()).param("d", start).param("now", AlertRegister.utc(Instant.now()))
                        .param("n", alerts).update();
                List<String> to = alertEmail.recipients();
                if (alerts == 0) {
                    return 0;
                }
                if (to.isEmpty()) {
                    log.warn("The {} digest from {} has no one to go to. {}", period.word, start, AlertOutbox.NO_RECIPIENTS);
                    return 0;
                }
                deliveries.owe(DeliveryOutbox.Channel.EMAIL, String.join(",", to), subject(period, start, alerts),
                        body(period, span, counts), "DIGEST_" + period.name(), null);
                return 1;
            });
            return owed == null ? 0 : owed;
        } catch (DuplicateKeyException e) {
            // Another server sharing the database made it a moment before.
            return 0;
        }
    }

    /** Counts by kind, category and level, with how many were late, of the alerts recorded from {@code from} to before {@code to}. */
    private List<Count> counts(LocalDate from, LocalDate to) {
        Map<List<Object>, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT a.kind, a.category_name, a.level, a.first_seen_at, a.recorded_at FROM filter_alert a "
                        + "WHERE a.kind IN ('SAFEGUARDING_RISK', 'SAFEGUARDING_ILLEGAL') "
                        + "AND COALESCE(a.recorded_at, a.first_seen_at) >= :from AND COALESCE(a.recorded_at, a.first_seen_at) < :to "
                        + "AND NOT EXISTS (SELECT 1 FROM alert_email e WHERE e.alert_id = a.id) "
                        + "ORDER BY a.level DESC, a.category_name, a.kind")
                .param("from", AlertRegister.utc(from.atStartOfDay(SchoolTime.ZONE).toInstant()))
                .param("to", AlertRegister.utc(to.atStartOfDay(SchoolTime.ZONE).toInstant()))
                .query(rs -> {
                    Instant recorded = AlertRegister.instant(rs, "recorded_at");
                    boolean late = recorded != null
                            && recorded.isAfter(AlertRegister.instant(rs, "first_seen_at").plus(settings.lateWindow()));
                    int[] n = counts.computeIfAbsent(List.of(rs.getString("kind"), rs.getString("category_name"),
                            rs.getInt("level")), k -> new int[2]);
                    n[0]++;
                    n[1] += late ? 1 : 0;
                });
        return counts.entrySet().stream().map(e -> new Count((String) e.getKey().get(0), (String) e.getKey().get(1),
                (Integer) e.getKey().get(2), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static String subject(Period period, LocalDate start, int alerts) {
        return "Lantern " + period.word + " digest: " + alerts + " safeguarding alert" + (alerts == 1 ? "" : "s")
                + " from " + SchoolTime.day(start);
    }

    /** Counts by level and category, links to the queue; never a name or the words. */
    String body(Period period, Span span, List<Count> counts) {
        LocalDate start = span.start();
        LocalDate last = span.end().minusDays(1);
        StringBuilder text = new StringBuilder("Lantern's " + period.word + " digest of the safeguarding alerts that "
                + "were not emailed at once, recorded " + (span.days() == 1 ? "on " + DAY.format(start)
                : "from " + DAY.format(start) + " to " + DAY.format(last)) + ".\n\n");
        Map<Integer, Map<String, Integer>> byLevel = new TreeMap<>(Comparator.reverseOrder());
        Set<String> kinds = new LinkedHashSet<>();
        int late = 0;
        for (Count c : counts) {
            byLevel.computeIfAbsent(c.level(), l -> new TreeMap<>()).merge(c.category(), c.alerts(), Integer::sum);
            kinds.add(c.kind());
            late += c.late();
        }
        byLevel.forEach((level, categories) -> {
            text.append("Level ").append(level).append(": ");
            StringBuilder line = new StringBuilder();
            categories.forEach((category, n) -> line.append(line.isEmpty() ? "" : ", ").append(category).append(" ")
                    .append(n));
            text.append(line).append('\n');
        });
        if (late > 0) {
            text.append("\n").append(late).append(late == 1 ? " of them was" : " of them were").append(" about events more than ")
                    .append(settings.lateWindow().toMinutes()).append(" minutes old when they reached Lantern (an imported log),"
                            + " so not emailed at once.\n");
        }
        text.append("\nOpen them in Lantern:\n");
        for (String kind : kinds) {
            text.append(alertEmail.queueLink("kind=" + kind + "&status=NEW")).append('\n');
        }
        text.append("\nEmail is not a secure channel, so this message names no one and gives no words or addresses. "
                + "Please do not forward it.\n");
        return text.toString();
    }
}
