package org.lantern.server.demo;

import java.time.LocalDate;
import java.util.Random;

import org.lantern.server.registers.cloud.Approver;
import org.lantern.server.registers.cloud.CloudService;
import org.lantern.server.registers.cloud.CloudServices;
import org.lantern.server.registers.cloud.SoftwareLicences;
import org.lantern.server.registers.training.TrainingCompletions;
import org.lantern.server.registers.training.TrainingDue;
import org.lantern.server.registers.training.TrainingRegister;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo school's training, cloud services and licences, made through the registers' own
 * services: most staff and governors trained on time, some due to renew soon, some overdue (cyber
 * security most often, as in real schools) and a few courses never taken; the services the school
 * uses, approved by the network manager and the headteacher, and one request waiting for the
 * headteacher; licences with one expiring within the month. Its own fixed-seed random numbers, so
 * the rest of the story draws as before.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
@Order(4)
class DemoTrainingAndServices implements DemoRegister {

    private static final long SEED = 20_261_207L;

    private final TrainingRegister training;
    private final TrainingCompletions completions;
    private final CloudServices services;
    private final SoftwareLicences licences;

    DemoTrainingAndServices(TrainingRegister training, TrainingCompletions completions, CloudServices services,
                  SoftwareLicences licences) {
        this.training = training;
        this.completions = completions;
        this.services = services;
        this.licences = licences;
    }

    @Override
    public void seed(DemoCalendar calendar) {
        Random random = new Random(SEED);
        LocalDate today = calendar.today();
        train(today, random);
        approved("Microsoft 365", "Email, documents and Teams for staff and pupils",
                "Staff and pupils' names, email addresses and school work", true, true);
        approved("Google Workspace for Education", "Classroom for homework", "Pupils' names and school work", true, true);
        approved("MyMaths", "Maths homework", "Pupils' names, classes and scores", true, true);
        approved("Arbor", "The school's MIS", "Pupils', parents' and staff records", true, true);
        CloudService padlet = services.request(new CloudServices.Details("Padlet", "Class discussion boards in English",
                "Pupils' first names and their posts", false, true), "teacher");
        services.approve(padlet.id(), Approver.ICT, "admin");
        licence("Adobe Creative Cloud for education", "Adobe", "VIP-4471-22", 30, today.plusDays(19));
        licence("Microsoft 365 A3", "Microsoft", "EES agreement 61239", 450, today.plusMonths(8));
        licence("Sophos Intercept X", "Sophos", "SOP-88-1204", 400, today.plusMonths(3));
        licence("Audacity", "", "GPL v2 (free software)", null, null);
    }

    /**
     * Completions for everyone on roll, a starter excepted: induction on their first day, and each
     * renewable course last taken so that most are up to date, about one in ten due soon and
     * about one in ten (one in four for cyber security) overdue; a few never taken.
     */
    private void train(LocalDate today, Random random) {
        for (TrainingDue d : training.statuses(today)) {
            LocalDate started = d.trainee().startDate() == null ? today.minusYears(5) : d.trainee().startDate();
            if (!started.isBefore(today.minusDays(TrainingDue.STARTER_DAYS))) {
                continue;
            }
            Integer months = d.course().renewalMonths();
            LocalDate on;
            if (months == null) {
                on = started;
            } else {
                int roll = random.nextInt(100);
                int overdue = d.course().code().equals("CYBER_SECURITY") ? 25 : 10;
                if (roll < 3) {
                    continue;
                }
                LocalDate due = roll < 3 + overdue ? today.minusDays(1 + random.nextInt(120))
                        : roll < 13 + overdue ? today.plusDays(random.nextInt(TrainingDue.DUE_SOON_DAYS))
                        : today.plusDays(TrainingDue.DUE_SOON_DAYS + 1 + random.nextInt(months * 28 - TrainingDue.DUE_SOON_DAYS));
                on = due.minusMonths(months);
            }
            if (on.isBefore(started)) {
                on = started;
            }
            if (!on.isAfter(today)) {
                completions.record(d.trainee().personId(), d.course().id(), on,
                        random.nextBoolean() ? "Certificate seen by the office" : "On the trainer's attendance list",
                        null, "demo", today);
            }
        }
    }

    private void approved(String name, String purpose, String data, boolean dpia, boolean dpa) {
        CloudService s = services.request(new CloudServices.Details(name, purpose, data, dpia, dpa), "teacher");
        services.approve(s.id(), Approver.ICT, "admin");
        services.approve(s.id(), Approver.SENIOR, "head");
    }

    private void licence(String product, String supplier, String reference, Integer seats, LocalDate expires) {
        licences.create(new SoftwareLicences.Form(product, supplier, reference, seats, expires), "demo");
    }
}
