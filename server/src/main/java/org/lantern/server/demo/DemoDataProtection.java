package org.lantern.server.demo;

import java.time.OffsetDateTime;

import org.lantern.server.dataprotection.Breach;
import org.lantern.server.dataprotection.BreachRegister;
import org.lantern.server.dataprotection.IcoDecision;
import org.lantern.server.dataprotection.SubjectAccessRequest;
import org.lantern.server.dataprotection.SubjectAccessRequests;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo school's data-protection registers, made through their own services: a breach reported
 * to the ICO five weeks ago (a lost USB stick), a breach still inside its 72 hours with no decision
 * yet (a mis-sent email), and an open subject access request from a parent. The two breaches are
 * the staff incidents of the same name in {@link DemoTerm}, at the same times.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
class DemoDataProtection {

    private static final int LOST_STICK_PEOPLE = 23;
    private static final int MIS_SENT_EMAIL_PEOPLE = 28;
    private static final int SUBJECT_ACCESS_DAYS_AGO = 12;

    private final BreachRegister breaches;
    private final SubjectAccessRequests subjectAccess;
    private final Backdating backdating;

    DemoDataProtection(BreachRegister breaches, SubjectAccessRequests subjectAccess, Backdating backdating) {
        this.breaches = breaches;
        this.subjectAccess = subjectAccess;
        this.backdating = backdating;
    }

    /** When the class list was emailed to the wrong parent, the evening before the school learnt of it. */
    static OffsetDateTime misSentEmailAt(DemoCalendar calendar) {
        return misSentEmailKnownAt(calendar).minusHours(11);
    }

    /**
     * When the school learnt of it: yesterday morning, so 33 to 57 of the ICO's 72 hours are left
     * whatever time the demo starts.
     */
    static OffsetDateTime misSentEmailKnownAt(DemoCalendar calendar) {
        return calendar.notAfterNow(calendar.yesterday(8, 40));
    }

    /** When the USB stick was lost. */
    static OffsetDateTime lostUsbStickAt(DemoCalendar calendar) {
        return calendar.daysAgo(36, 16, 10);
    }

    /** When the school learnt of it, the next morning. */
    static OffsetDateTime lostUsbStickKnownAt(DemoCalendar calendar) {
        return lostUsbStickAt(calendar).plusHours(16).plusMinutes(40);
    }

    void seed(DemoTerm term, DemoCast cast, DemoCalendar calendar) {
        String head = cast.head().username();
        OffsetDateTime knownLost = lostUsbStickKnownAt(calendar);
        Breach lost = breaches.record(new BreachRegister.NewBreach(lostUsbStickAt(calendar), knownLost,
                "A teaching assistant lost an unencrypted USB memory stick on the way home.",
                "Names, year groups and support-plan notes (special educational needs) of pupils in one class.",
                LOST_STICK_PEOPLE), head);
        backdating.breachRecorded(lost.id(), knownLost.plusMinutes(20));
        breaches.decide(lost.id(), IcoDecision.REPORT, "Special category data about children, not encrypted, and not "
                + "recovered: a risk to the pupils' rights and freedoms, so it is reported.", head);
        backdating.breachDecided(lost.id(), knownLost.plusHours(5));
        breaches.reported(lost.id(), knownLost.plusHours(26), "IC-DEMO-0001", head);
        breaches.followUp(lost.id(), "Parents and carers of the " + LOST_STICK_PEOPLE + " pupils, by letter; the "
                        + "governors' data protection lead.",
                "Encrypted USB sticks issued to every member of staff; unencrypted sticks blocked on school computers; "
                        + "data protection refresher at the next staff meeting.", head);

        OffsetDateTime knownEmail = misSentEmailKnownAt(calendar);
        Breach email = breaches.record(new BreachRegister.NewBreach(misSentEmailAt(calendar), knownEmail,
                "A spreadsheet of one class's names and reading ages was emailed to a parent by mistake; the email "
                        + "program filled in the wrong address. The parent says they have deleted it.",
                "Names and reading ages of pupils in one class.", MIS_SENT_EMAIL_PEOPLE), head);
        backdating.breachRecorded(email.id(), knownEmail.plusMinutes(15));

        OffsetDateTime received = calendar.daysAgo(SUBJECT_ACCESS_DAYS_AGO, 9, 30);
        SubjectAccessRequest request = subjectAccess.record(new SubjectAccessRequests.NewRequest("Ms Demo Parent",
                "Mother, with parental responsibility", term.continuedInfringementPupil().id(), received.toLocalDate(),
                true, "Seen at the school office with photo ID matching the contact details the school holds."),
                cast.dsl().username());
        backdating.subjectAccessRecorded(request.id(), received.plusMinutes(20));
    }
}
