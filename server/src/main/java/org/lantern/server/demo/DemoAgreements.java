package org.lantern.server.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Accounts;
import org.lantern.server.people.People;
import org.lantern.server.registers.agreements.Acceptance;
import org.lantern.server.registers.agreements.Acceptances;
import org.lantern.server.registers.agreements.AgreementCoverage;
import org.lantern.server.registers.agreements.AgreementTexts;
import org.lantern.server.registers.agreements.AgreementVersion;
import org.lantern.server.registers.agreements.Audience;
import org.lantern.server.registers.agreements.ChangeKind;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo school's term of acceptable-use agreements, made through the register's own service:
 * every agreement published before term; staff signing on paper at the first training day, pupils
 * (Reception to Year 2 the Key Stage 1 text, Years 3 to 6 Key Stage 2's, and so on by key stage)
 * and parents returning forms over the first weeks (most, not all); a material change to the
 * staff agreement three weeks ago (two-factor authentication and AI tools) that most staff have
 * signed again and some have not; a correction to the Key Stage 3 text that asks nobody to sign
 * again; and the people behind the demo accounts signed online, so signing in goes straight in.
 * Its own fixed-seed random numbers, so the rest of the story draws as before.
 */
@Component
@ConditionalOnProperty(name = "lantern.mode", havingValue = "demo")
@Order(1)
class DemoAgreements implements DemoRegister {

    private static final long SEED = 20_250_918L;
    private static final int TERM_BEGAN_DAYS_AGO = 45;
    private static final int STAFF_CHANGE_DAYS_AGO = 20;
    private static final int KS3_CORRECTION_DAYS_AGO = 30;

    private final AgreementTexts texts;
    private final Acceptances acceptances;
    private final AgreementCoverage coverage;
    private final People people;
    private final Accounts accounts;
    private final Backdating backdating;

    DemoAgreements(AgreementTexts texts, Acceptances acceptances, AgreementCoverage coverage, People people,
                   Accounts accounts, Backdating backdating) {
        this.texts = texts;
        this.acceptances = acceptances;
        this.coverage = coverage;
        this.people = people;
        this.accounts = accounts;
        this.backdating = backdating;
    }

    @Override
    public void seed(DemoCalendar calendar) {
        Random random = new Random(SEED);
        OffsetDateTime termBegan = calendar.daysAgo(TERM_BEGAN_DAYS_AGO, 9, 0);
        for (Audience audience : Audience.values()) {
            texts.inForce(audience).ifPresent(v -> backdating.agreementPublished(v.id(), termBegan.minusDays(10)));
        }
        AgreementVersion staffFirst = texts.inForce(Audience.STAFF).orElseThrow();
        Set<Long> online = demoAccountPeople();
        signTerm(calendar, termBegan, random, online);

        AgreementVersion ks3 = texts.inForce(Audience.KS3).orElseThrow();
        AgreementVersion corrected = texts.publish(Audience.KS3, ks3.title(), ks3.body().replace("I will keep my password",
                "I will always keep my password"), ChangeKind.CORRECTION, "Wording of the password rule.", "dsl");
        backdating.agreementPublished(corrected.id(), calendar.daysAgo(KS3_CORRECTION_DAYS_AGO, 12, 10));

        OffsetDateTime changed = calendar.daysAgo(STAFF_CHANGE_DAYS_AGO, 16, 0);
        AgreementVersion staffSecond = texts.publish(Audience.STAFF, staffFirst.title(), staffFirst.body()
                        + "\n\n- I will use two-factor authentication on every school account that offers it, and I will"
                        + " not put pupils' personal data into generative AI tools that the school has not approved.",
                ChangeKind.MATERIAL, "Two-factor authentication and generative AI tools added.", "dsl");
        backdating.agreementPublished(staffSecond.id(), changed);
        for (AgreementCoverage.Entry e : coverage.unsigned(calendar.today(), Audience.STAFF, null, null)) {
            if (!online.contains(e.personId()) && random.nextInt(10) < 7) {
                paper(e.personId(), staffSecond, changed.plusHours(16 + random.nextInt(24 * (STAFF_CHANGE_DAYS_AGO - 2))),
                        "", calendar);
            }
        }
        signDemoAccountsOnline(calendar);
    }

    /** The forms returned in the first weeks of term: all but a few staff and governors, most pupils and parents. */
    private void signTerm(DemoCalendar calendar, OffsetDateTime termBegan, Random random, Set<Long> online) {
        for (AgreementCoverage.Entry e : coverage.entries(calendar.today())) {
            if (e.signed() || online.contains(e.personId()) && e.audience() != Audience.PARENTS) {
                continue;
            }
            AgreementVersion version = texts.inForce(e.audience()).orElseThrow();
            int chance = switch (e.audience()) {
                case STAFF, GOVERNORS -> 95;
                case PARENTS -> 82;
                default -> 90;
            };
            if (random.nextInt(100) >= chance) {
                continue;
            }
            OffsetDateTime at = e.audience() == Audience.STAFF ? termBegan.plusHours(6)
                    : termBegan.plusMinutes(60 + random.nextInt(60 * 24 * 21));
            String signedBy = e.audience() == Audience.PARENTS
                    ? (random.nextBoolean() ? "Mrs " : "Mr ") + e.name().substring(e.name().lastIndexOf(' ') + 1) : "";
            paper(e.personId(), version, at, signedBy, calendar);
        }
    }

    private void paper(long personId, AgreementVersion version, OffsetDateTime at, String signedBy, DemoCalendar calendar) {
        OffsetDateTime signed = calendar.notAfterNow(at);
        LocalDate day = signed.atZoneSameInstant(SchoolTime.ZONE).toLocalDate();
        Acceptance a = acceptances.recordPaper(personId, version.id(), day, signedBy, "demo");
        backdating.agreementRecorded(a.id(), calendar.notAfterNow(signed.plusHours(1)));
    }

    /** The people behind the demo accounts, who accept their own agreements online. */
    private Set<Long> demoAccountPeople() {
        Set<Long> ids = new HashSet<>();
        for (DemoSchoolLoader.DemoAccount demo : DemoSchoolLoader.ACCOUNTS) {
            people.findByProxyUsername(demo.username()).ifPresent(p -> ids.add(p.id()));
        }
        return ids;
    }

    /** The people behind the demo accounts accepted online, yesterday, so the demo signs in without the interstitial. */
    private void signDemoAccountsOnline(DemoCalendar calendar) {
        for (DemoSchoolLoader.DemoAccount demo : DemoSchoolLoader.ACCOUNTS) {
            accounts.idOf(demo.username()).ifPresent(account -> people.findByProxyUsername(demo.username())
                    .filter(acceptances::owes)
                    .ifPresent(person -> {
                        Acceptance a = acceptances.acceptOwn(account, demo.username(), null);
                        backdating.agreementAcceptedOnline(a.id(), calendar.yesterday(8, 15));
                    }));
        }
    }
}
