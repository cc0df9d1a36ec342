package org.lantern.server.registers.due;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lantern.server.http.PublicUrl;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.registers.reminders.RegisterOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly "due this month" email (issue 18 section 6): once a week, from the day and hour the
 * school chose ({@link DueMailTime}, read at each look; Monday at 7, school time, until it chooses),
 * each person who owns something in the registers that falls due this month or is overdue gets one
 * email listing those items with links. An item with an owner (a takedown task's) goes to that
 * account; one without goes to every account whose role keeps its register. Recipients are enabled
 * accounts whose person in the directory has an email address. The email holds the items' words,
 * which never name a pupil or hold a safeguarding detail, and a link only to pages the recipient's
 * role may open.
 *
 * <p>The job looks every few minutes; the first look after the set time in a week owes that week's
 * emails in one transaction with a row for the week ({@code register_due_week}), so a week is owed
 * once whichever server looks and however often, a week whose set time passed while the server was
 * down is owed when it is back, and the emails themselves go through the durable {@link
 * RegisterOutbox}, whose reason (person and week) is unique.
 */
@Component
public class WeeklyDueMail {

    /** Enough to act on in one email; the rest are on the "due this month" page. */
    static final int MAX_ITEMS = 30;
    /** Room for the items within what the outbox keeps of a body (8,000 characters), with the close. */
    private static final int MAX_ITEMS_LENGTH = 7_000;

    /** Who may receive it: an enabled account with an email address in the people directory. */
    record Recipient(String username, String name, String email, Role role) {
    }

    private final DueThisMonth due;
    private final RegisterOutbox outbox;
    private final AccountService accounts;
    private final People people;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DueMailTime time;
    private final String baseUrl;
    private final Clock clock;

    @Autowired
    WeeklyDueMail(DueThisMonth due, RegisterOutbox outbox, AccountService accounts, People people, JdbcClient jdbc,
                  PlatformTransactionManager transactions, DueMailTime time,
                  @Value("${lantern.public-url:}") String publicUrl, @Value("${server.port:8080}") int serverPort) {
        this(due, outbox, accounts, people, jdbc, transactions, time, PublicUrl.base(publicUrl, serverPort),
                Clock.system(SchoolTime.ZONE));
    }

    WeeklyDueMail(DueThisMonth due, RegisterOutbox outbox, AccountService accounts, People people, JdbcClient jdbc,
                  PlatformTransactionManager transactions, DueMailTime time, String baseUrl, Clock clock) {
        this.due = due;
        this.outbox = outbox;
        this.accounts = accounts;
        this.people = people;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.time = time;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Looks whether this week's emails are owed yet, and sends what is owed. */
    @Scheduled(fixedDelayString = "${lantern.registers.due-mail.check-interval:PT10M}",
            initialDelayString = "${lantern.registers.due-mail.check-initial-delay:PT1M}")
    void run() {
        if (oweThisWeek() > 0) {
            outbox.deliverDue(Instant.now(clock));
        }
    }

    /**
     * Owes this week's emails if the week's set time has passed by this job's clock and they were not
     * owed already.
     *
     * @return how many emails were newly owed
     */
    public int oweThisWeek() {
        if (!outbox.enabled()) {
            return 0;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        DueMailTime.Setting when = time.current();
        LocalDateTime sendFrom = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .with(TemporalAdjusters.nextOrSame(when.day())).atTime(when.hour(), 0);
        if (now.isBefore(sendFrom)) {
            return 0;
        }
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        try {
            Integer owed = transactions.execute(status -> {
                if (jdbc.sql("INSERT INTO register_due_week (week, owed_at, emails) SELECT :week, :at, 0 "
                                + "WHERE NOT EXISTS (SELECT 1 FROM register_due_week WHERE week = :week)")
                        .param("week", week).param("at", Instant.now(clock).atOffset(ZoneOffset.UTC)).update() == 0) {
                    return 0;
                }
                int n = owe(today, week, when.day());
                jdbc.sql("UPDATE register_due_week SET emails = :n WHERE week = :week").param("n", n)
                        .param("week", week).update();
                return n;
            });
            return owed == null ? 0 : owed;
        } catch (DuplicateKeyException e) {
            // Another server owed this week at the same moment.
            return 0;
        }
    }

    private int owe(LocalDate today, String week, DayOfWeek day) {
        List<Recipient> recipients = recipients();
        Map<String, Recipient> byUsername = recipients.stream()
                .collect(Collectors.toMap(Recipient::username, Function.identity()));
        Map<Recipient, List<DueDates.Due>> items = new LinkedHashMap<>();
        for (DueDates.Due d : due.due(today, d -> true)) {
            Recipient owner = d.ownerAccount() == null ? null : byUsername.get(d.ownerAccount());
            List<Recipient> to = owner != null ? List.of(owner)
                    : recipients.stream().filter(r -> r.role().can(d.keeper())).toList();
            to.forEach(r -> items.computeIfAbsent(r, k -> new ArrayList<>()).add(d));
        }
        int owed = 0;
        for (Map.Entry<Recipient, List<DueDates.Due>> e : items.entrySet()) {
            Recipient r = e.getKey();
            if (outbox.owe("due-this-month:" + r.username() + ":" + week, r.email(), subject(e.getValue(), today),
                    body(r, e.getValue(), today, day))) {
                owed++;
            }
        }
        return owed;
    }

    private List<Recipient> recipients() {
        List<Recipient> recipients = new ArrayList<>();
        for (AccountService.AccountSummary a : accounts.list()) {
            if (a.enabled()) {
                people.findByAccount(a.id()).filter(p -> p.email() != null && !p.email().isBlank())
                        .ifPresent(p -> recipients.add(new Recipient(a.username(), p.displayName(), p.email().strip(),
                                a.role())));
            }
        }
        return recipients;
    }

    static String subject(List<DueDates.Due> items, LocalDate today) {
        long overdue = items.stream().filter(d -> d.due().isBefore(today)).count();
        return "Due this month: " + items.size() + (items.size() == 1 ? " item" : " items")
                + (overdue == 0 ? "" : " (" + overdue + " overdue)");
    }

    String body(Recipient to, List<DueDates.Due> items, LocalDate today, DayOfWeek day) {
        StringBuilder body = new StringBuilder("Dear " + to.name() + ",\n\nIn Lantern's registers, these are yours "
                + "to do and fall due this month or are overdue:\n\n");
        int listed = 0;
        for (DueDates.Due d : items) {
            String line = "- " + (d.due().isBefore(today) ? "Overdue since " : "Due ") + SchoolTime.day(d.due()) + ": "
                    + d.what() + "\n" + (to.role().can(d.opens()) ? "  " + baseUrl + d.link() + "\n" : "");
            if (listed == MAX_ITEMS || body.length() + line.length() > MAX_ITEMS_LENGTH) {
                break;
            }
            body.append(line);
            listed++;
        }
        if (listed < items.size()) {
            body.append("- and ").append(items.size() - listed).append(" more.\n");
        }
        if (due.mayOpen(to.role())) {
            body.append("\nEverything due this month: ").append(baseUrl).append("/registers/due\n");
        }
        body.append("\nThis email comes each ").append(DueMailTime.dayName(day))
                .append(" while something is due.\n");
        return body.toString();
    }
}
