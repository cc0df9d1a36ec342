package org.lantern.server.registers.consents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consent register on the database (H2 and PostgreSQL): recording forms with scans, what a
 * scan may be, withdrawal creating one takedown task per publication of that use (and refusing a
 * second withdrawal), publications refusing pupils who may not appear, the never-publish flag's
 * audited reads, and the CSV import that applies all or nothing.
 */
@PersistenceTest
class ConsentsRegisterTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    @Autowired
    Consents consents;
    @Autowired
    Publications publications;
    @Autowired
    Takedowns takedowns;
    @Autowired
    NeverPublish neverPublish;
    @Autowired
    WhoMayAppear whoMayAppear;
    @Autowired
    ConsentCsv csv;
    @Autowired
    ConsentScans scans;
    @Autowired
    RecordAccessLog accessLog;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = SchoolTime.today();

    private long pupil() {
        return TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Consent"));
    }

    private String owner() {
        String name = TestPeople.unique("owner.");
        accountService.create(name, "Owner", Role.OFFICE, "owner password 1", "test");
        return name;
    }

    private Consent give(long pupil, PhotoUse use, LocalDate on) {
        return consents.record(pupil, new ConsentForm(use, true, "Grace Parent", null, on, null), null, null, "office",
                Consents.Mode.EITHER);
    }

    @Test
    void aFormWithItsScanIsRecordedAndAudited() {
        long pupil = pupil();
        Consent c = consents.record(pupil, new ConsentForm(PhotoUse.PRESS, true, " Grace Parent ", true,
                today.minusDays(3), today.plusYears(1)), "form.png", PNG, "office", Consents.Mode.CREATE);

        assertThat(c.givenBy()).isEqualTo("Grace Parent");
        assertThat(c.allowsOn(today)).isTrue();
        assertThat(scans.get(c.evidenceId()).mediaType()).isEqualTo("image/png");
        assertThat(scans.get(c.evidenceId()).content()).isEqualTo(PNG);
        assertThat(jdbc.sql("SELECT action FROM audit_chain WHERE record_type = 'photo-consent' AND record_id = :id")
                .param("id", Long.toString(c.id())).query(String.class).list()).containsExactly("consent.recorded");
        assertThatThrownBy(() -> consents.record(pupil, new ConsentForm(PhotoUse.PRESS, false, "Grace Parent", null,
                today, null), null, null, "office", Consents.Mode.CREATE))
                .isInstanceOf(ConsentException.class).matches(e -> ((ConsentException) e).conflict())
                .hasMessageContaining("already recorded");
    }

    static Stream<Arguments> badScans() {
        return Stream.of(
                Arguments.of("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "web page (HTML)"),
                Arguments.of("just some notes".getBytes(StandardCharsets.UTF_8), "plain text"),
                Arguments.of(new byte[0], "The scan is empty"),
                Arguments.of(oversized(), "a scan may be at most 5 MB"));
    }

    private static byte[] oversized() {
        byte[] big = new byte[(int) ConsentScans.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        return big;
    }

    @ParameterizedTest
    @MethodSource("badScans")
    void aScanThatIsNotAnImageOrPdfOrIsTooLargeIsRefusedAndNothingIsRecorded(byte[] scan, String says) {
        long pupil = pupil();
        long scansBefore = jdbc.sql("SELECT COUNT(*) FROM consent_evidence").query(Long.class).single();

        assertThatThrownBy(() -> consents.record(pupil, new ConsentForm(PhotoUse.WEBSITE, true, "Grace Parent", null,
                today, null), "form.png", scan, "office", Consents.Mode.EITHER))
                .isInstanceOf(ConsentException.class).hasMessageContaining(says);
        assertThat(consents.of(pupil)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_evidence").query(Long.class).single()).isEqualTo(scansBefore);
    }

    @Test
    void datesInTheWrongOrderAndMissingNamesAreEachRefused() {
        long pupil = pupil();
        assertThatThrownBy(() -> consents.record(pupil, new ConsentForm(PhotoUse.WEBSITE, true, " ", null,
                today.minusDays(2), today.minusDays(5)), null, null, "office", Consents.Mode.EITHER))
                .isInstanceOf(ConsentException.class)
                .satisfies(e -> assertThat(((ConsentException) e).problems()).containsExactly(
                        "Give the name of the parent or carer who signed the form.",
                        "The consent ends on " + SchoolTime.day(today.minusDays(5)) + ", before the form's date, "
                                + SchoolTime.day(today.minusDays(2)) + ": check the dates."));
        assertThat(consents.of(pupil)).isEmpty();
    }

    @Test
    void withdrawalCreatesATakedownTaskForEveryPublicationOfThatUseAndASecondWithdrawalIsRefused() {
        long ada = pupil();
        long bea = pupil();
        String owner = owner();
        for (long p : List.of(ada, bea)) {
            give(p, PhotoUse.WEBSITE, today.minusDays(30));
            give(p, PhotoUse.PRESS, today.minusDays(30));
        }
        Publication gallery = publications.record(new Publications.Draft(PhotoUse.WEBSITE, "Sports day gallery",
                "https://school.example/sports", today.minusDays(10), owner, Set.of(ada, bea)), "office");
        Publication news = publications.record(new Publications.Draft(PhotoUse.WEBSITE, "Newsletter",
                "https://school.example/news", today.minusDays(5), owner, Set.of(ada)), "office");
        publications.record(new Publications.Draft(PhotoUse.PRESS, "Gazette", "Local Gazette, page 4",
                today.minusDays(4), owner, Set.of(ada)), "office");

        List<TakedownTask> tasks = consents.withdraw(ada, Set.of(PhotoUse.WEBSITE), today.minusDays(1), "Grace Parent",
                "office");

        assertThat(tasks).extracting(TakedownTask::publicationId).containsExactlyInAnyOrder(gallery.id(), news.id());
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.owner()).isEqualTo(owner);
            assertThat(t.dueOn()).isEqualTo(today.minusDays(1).plusDays(TakedownDays.DEFAULT));
            assertThat(t.open()).isTrue();
        });
        assertThat(whoMayAppear.pupil(consents.pupil(ada), today).notAllowed()).containsExactly(PhotoUse.WEBSITE,
                PhotoUse.SOCIAL_MEDIA, PhotoUse.DISPLAYS, PhotoUse.CLASS_PHOTOS);

        assertThatThrownBy(() -> consents.withdraw(ada, Set.of(PhotoUse.WEBSITE), today, "Grace Parent", "office"))
                .isInstanceOf(ConsentException.class).matches(e -> ((ConsentException) e).conflict())
                .hasMessageContaining("already withdrawn on " + SchoolTime.day(today.minusDays(1)));
        assertThat(takedowns.of(ada)).hasSize(2);

        TakedownTask done = takedowns.done(tasks.getFirst().id(), "Removed from the gallery.", "office");
        assertThat(done.open()).isFalse();
        assertThatThrownBy(() -> takedowns.done(tasks.getFirst().id(), null, "office"))
                .isInstanceOf(ConsentException.class).hasMessageContaining("already marked done");
        assertThat(takedowns.list(true)).extracting(TakedownTask::id).contains(tasks.get(1).id())
                .doesNotContain(tasks.getFirst().id());
    }

    @Test
    void withdrawingEverythingLeavesRefusedUsesAloneAndThenHasNothingLeft() {
        long pupil = pupil();
        give(pupil, PhotoUse.DISPLAYS, today.minusDays(9));
        consents.record(pupil, new ConsentForm(PhotoUse.PRESS, false, "Grace Parent", null, today.minusDays(9), null),
                null, null, "office", Consents.Mode.EITHER);

        assertThat(consents.withdraw(pupil, Set.of(), today, "Grace Parent", "office")).isEmpty();
        assertThat(consents.of(pupil).get(PhotoUse.DISPLAYS).withdrawnOn()).isEqualTo(today);
        assertThat(consents.of(pupil).get(PhotoUse.PRESS).withdrawnOn()).isNull();
        assertThatThrownBy(() -> consents.withdraw(pupil, Set.of(), today, "Grace Parent", "office"))
                .isInstanceOf(ConsentException.class).hasMessageContaining("no consent given to withdraw");
        assertThatThrownBy(() -> consents.withdraw(pupil, Set.of(PhotoUse.PRESS), today, "Grace Parent", "office"))
                .isInstanceOf(ConsentException.class).hasMessageContaining("was refused");
    }

    @Test
    void aPublicationNamingAPupilWhoMayNotAppearIsRefusedWithoutSayingWhy() {
        long given = pupil();
        long flagged = pupil();
        give(given, PhotoUse.WEBSITE, today.minusDays(5));
        give(flagged, PhotoUse.WEBSITE, today.minusDays(5));
        neverPublish.set(flagged, NeverPublishReason.COURT_ORDER, "Not to be named.", "dsl");
        long publicationsBefore = publications.list().size();

        assertThatThrownBy(() -> publications.record(new Publications.Draft(PhotoUse.WEBSITE, "Gallery", "https://x",
                today, owner(), Set.of(given, flagged)), "office"))
                .isInstanceOf(ConsentException.class)
                .hasMessageContaining(consents.pupil(flagged).displayName() + " may not appear in school website")
                .hasMessageNotContaining("court").hasMessageNotContaining("never");
        assertThat(publications.list()).hasSize((int) publicationsBefore);
        assertThat(whoMayAppear.pupil(consents.pupil(flagged), today).noPhotos()).isTrue();
    }

    @Test
    void everyReadOfTheNeverPublishFlagIsInTheRecordAccessLog() {
        long pupil = pupil();
        neverPublish.set(pupil, NeverPublishReason.ADOPTED, "", "dsl");
        Viewer office = new Viewer(accounts.idOf("office").orElseGet(() -> accountService.create("office", "Office",
                Role.OFFICE, "office password 1", "test")), "office", false);

        assertThat(neverPublish.read(pupil, office, Channel.PAGE)).get().extracting(NeverPublish.Flag::reason)
                .isEqualTo(NeverPublishReason.ADOPTED);
        long other = pupil();
        neverPublish.set(other, NeverPublishReason.LOOKED_AFTER, "", "dsl");
        assertThat(neverPublish.readAmong(Set.of(pupil), office, Channel.EXPORT)).containsOnlyKeys(pupil);
        assertThat(accessLog.forRecord(NeverPublish.RECORD_TYPE, other)).as("a flag not shown is not read").isEmpty();

        assertThat(accessLog.forRecord(NeverPublish.RECORD_TYPE, pupil)).extracting(RecordAccessLog.Access::channel)
                .containsExactly(Channel.PAGE, Channel.EXPORT);
    }

    @Test
    void aCsvWithABadLineImportsNothingAndNamesEveryBadLine() {
        long ada = pupil();
        long bea = pupil();
        String file = "Person id,Use,Consent,Given by,Given on,Pupil agreed\n"
                + ada + ",website,yes,Grace Parent,2025-09-03,\n"
                + bea + ",the moon,yes,Grace Parent,2025-09-03,\n"
                + bea + ",press,maybe,,31/02/2025,yes\n"
                + "999999999,press,yes,Grace Parent,2025-09-03,\n";

        assertThatThrownBy(() -> csv.importAll(file.getBytes(StandardCharsets.UTF_8), "office", today))
                .isInstanceOf(ConsentException.class)
                .satisfies(e -> assertThat(((ConsentException) e).problems()).containsExactly(
                        "Line 3: 'the moon' is not a use: use website, social media, press, displays or class photos.",
                        "Line 4: Consent must be yes or no, not 'maybe'.",
                        "Line 4: Given on '31/02/2025' is not a date: use 2025-09-03 or 3/9/2025.",
                        "Line 5: There is no pupil 999999999.",
                        "Nothing was imported: correct these lines and import the file again."));
        assertThat(consents.of(ada)).isEmpty();

        String good = "Person id,Use,Consent,Given by,Given on,Pupil agreed\n"
                + ada + ",website,yes,Grace Parent,2025-09-03,\n"
                + bea + ",Local press,no,Sam Carer,3/9/2025,no\n";
        assertThat(csv.importAll(good.getBytes(StandardCharsets.UTF_8), "office", today)).isEqualTo(2);
        assertThat(consents.of(bea).get(PhotoUse.PRESS).granted()).isFalse();
        assertThat(consents.of(bea).get(PhotoUse.PRESS).givenOn()).isEqualTo(LocalDate.of(2025, 9, 3));
    }

    @Test
    void aCsvNamingOnePupilAndUseTwiceIsRefused() {
        long ada = pupil();
        String file = "Person id,Use,Consent,Given by,Given on\n" + ada + ",website,yes,A,2025-09-03\n"
                + ada + ",WEBSITE,no,B,2025-09-04\n";
        assertThatThrownBy(() -> csv.importAll(file.getBytes(StandardCharsets.UTF_8), "office", today))
                .isInstanceOf(ConsentException.class).hasMessageContaining("Line 3:")
                .hasMessageContaining("on an earlier line too");
        assertThat(consents.of(ada)).isEmpty();
    }
}
