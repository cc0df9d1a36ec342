package org.lantern.server.registers.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantern.server.http.PublicUrl;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.registers.agreements.AgreementCoverage;
import org.lantern.server.registers.agreements.Audience;
import org.lantern.server.registers.training.Trainee;
import org.lantern.server.registers.training.TrainingDue;
import org.lantern.server.registers.training.TrainingRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each morning, owes a reminder email to every adult with an email address who is overdue with
 * training (one email listing their overdue courses) or has not signed the version of their
 * acceptable-use agreement that counts, at most once a week each, through the {@link
 * RegisterOutbox}. Pupils are asked for their agreement on signing in and by the network gate, and
 * parents have no address in the directory, so only staff, governors and visitors are emailed.
 */
@Component
public class DailyReminders {

    private static final Set<Audience> EMAILED = EnumSet.of(Audience.STAFF, Audience.GOVERNORS, Audience.VISITORS);

    private final TrainingRegister training;
    private final AgreementCoverage agreements;
    private final RegisterOutbox outbox;
    private final JdbcClient jdbc;
    private final String baseUrl;
    private final Clock clock;

    @Autowired
    DailyReminders(TrainingRegister training, AgreementCoverage agreements, RegisterOutbox outbox, JdbcClient jdbc,
                   @Value("${lantern.public-url:}") String publicUrl, @Value("${server.port:8080}") int serverPort) {
        this(training, agreements, outbox, jdbc, publicUrl, serverPort, Clock.system(SchoolTime.ZONE));
    }

    DailyReminders(TrainingRegister training, AgreementCoverage agreements, RegisterOutbox outbox, JdbcClient jdbc,
                   String publicUrl, int serverPort, Clock clock) {
        this.training = training;
        this.agreements = agreements;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.baseUrl = PublicUrl.base(publicUrl, serverPort);
        this.clock = clock;
    }

    /** The morning run: owes today's reminders and sends them. */
    @Scheduled(cron = "${lantern.registers.reminders.cron:0 0 7 * * *}", zone = "Europe/London")
    void run() {
        remind();
        outbox.deliverDue(Instant.now(clock));
    }

    /**
     * Owes the reminders for today by this reminder's clock.
     *
     * @return how many were newly owed
     */
    public int remind() {
        if (!outbox.enabled()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        int owed = 0;
        Map<Trainee, List<TrainingDue>> overdue = new LinkedHashMap<>();
        for (TrainingDue d : training.overdue(today)) {
            if (d.trainee().email() != null && !d.trainee().email().isBlank()) {
                overdue.computeIfAbsent(d.trainee(), t -> new ArrayList<>()).add(d);
            }
        }
        for (Map.Entry<Trainee, List<TrainingDue>> e : overdue.entrySet()) {
            Trainee t = e.getKey();
            StringBuilder body = new StringBuilder("Dear " + t.name() + ",\n\nThe school's records show this training "
                    + "is overdue for you:\n\n");
            e.getValue().forEach(d -> body.append("- ").append(d.course().title()).append(" (").append(d.dueText())
                    .append(")\n"));
            body.append("\nPlease complete it and give the certificate or attendance record to the school office, "
                    + "who keep the training register.\n");
            if (outbox.owe("training-overdue:" + t.personId() + ":" + week, t.email().strip(),
                    "Training overdue: " + e.getValue().size() + (e.getValue().size() == 1 ? " course" : " courses"),
                    body.toString())) {
                owed++;
            }
        }
        Map<Long, String> emails = emails();
        for (AgreementCoverage.Entry e : agreements.unsigned(today, null, null, null)) {
            String to = emails.get(e.personId());
            if (EMAILED.contains(e.audience()) && to != null && outbox.owe(
                    "agreement-unsigned:" + e.personId() + ":" + e.audience() + ":" + week, to,
                    "Please accept the acceptable-use agreement",
                    "Dear " + e.name() + ",\n\nYou have not yet accepted the version of the " + e.audience().label()
                            + " acceptable-use agreement that is in force. Please read and accept it here:\n"
                            + baseUrl + "/agreement\n")) {
                owed++;
            }
        }
        return owed;
    }

    private Map<Long, String> emails() {
        Map<Long, String> emails = new HashMap<>();
        jdbc.sql("SELECT id, email FROM person WHERE email IS NOT NULL AND email <> ''")
                .query((rs, n) -> emails.put(rs.getLong("id"), rs.getString("email").strip())).list();
        return emails;
    }
}
