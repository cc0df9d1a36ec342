package org.lantern.server.registers.cloud;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.registers.RegisterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cloud services list's and the licences register's rules without a database: what a request,
 * a refusal and a licence must say, the two different approvers, one name however it is spelled,
 * and when a licence is due for renewal or has run out.
 */
class CloudRulesTest {

    private static final OffsetDateTime DECIDED = OffsetDateTime.parse("2026-09-01T08:00:00Z");

    @Test
    void aRequestWithEverythingIsKept() {
        assertThat(CloudRules.requestProblems(details("Padlet", "Discussion", "first names"))).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" for every field")
    @NullSource
    @ValueSource(strings = {"", "  ", "\n\t"})
    void aBlankRequestSaysEveryThingMissingNameFirst(String blank) {
        assertThat(CloudRules.requestProblems(details(blank, blank, blank))).containsExactly("Give the service's name.",
                "Say what the service is for.", "Say what data it would hold (\"none\" if it holds none).");
    }

    @ParameterizedTest(name = "a name of {0} characters")
    @CsvSource({"200,true", "201,false"})
    void aNameIsAtMostTwoHundredCharacters(int length, boolean kept) {
        assertThat(CloudRules.requestProblems(details(" " + "n".repeat(length) + " ", "Purpose", "None")))
                .isEqualTo(kept ? List.of() : List.of("The name is " + length + " characters long; at most 200."));
    }

    @ParameterizedTest(name = "{0} characters of purpose and data")
    @CsvSource({"1000,true", "1001,false"})
    void thePurposeAndDataAreAtMostAThousandCharacters(int length, boolean kept) {
        String text = "p".repeat(length);

        assertThat(CloudRules.detailsProblems(details("ignored", text, text))).isEqualTo(kept ? List.of()
                : List.of("The purpose is " + length + " characters long; at most 1000.",
                        "The data held is " + length + " characters long; at most 1000."));
    }

    @Test
    void htmlOrAFormulaInARequestIsKeptAsTextForThePagesAndTheExportToMakeSafe() {
        assertThat(CloudRules.requestProblems(details("=cmd|' /C calc'!A0 <i>Padlet</i>", "<script>x</script>",
                "+SUM(A1)"))).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', value = {"Padlet|padlet", "  PADLET  |padlet", "Google   Classroom|google classroom",
            "Microsoft 365|microsoft 365", "<b>Padlet</b>|<b>padlet</b>"})
    void oneServiceIsTheSameWhateverItsCaseAndSpacing(String name, String key) {
        assertThat(CloudRules.key(name)).isEqualTo(key);
    }

    @Test
    void tabsAndLineBreaksInANameAreSpacesToo() {
        assertThat(CloudRules.key("Google\tClass\n room ")).isEqualTo("google class room");
    }

    @ParameterizedTest(name = "reason \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aRefusalGivesItsReason(String reason) {
        assertThatThrownBy(() -> CloudRules.refusalReason(reason)).isInstanceOf(RegisterException.class)
                .hasMessage("Give the reason for refusing, for the person who asked.");
    }

    @Test
    void aRefusalsReasonIsKeptStrippedUpToAThousandCharacters() {
        assertThat(CloudRules.refusalReason("  No DPA.  ")).isEqualTo("No DPA.");
        assertThat(CloudRules.refusalReason("r".repeat(1000))).hasSize(1000);
        assertThatThrownBy(() -> CloudRules.refusalReason("r".repeat(1001))).isInstanceOf(RegisterException.class)
                .hasMessage("The reason is 1001 characters long; at most 1000.");
    }

    @ParameterizedTest
    @EnumSource(Approver.class)
    void eitherApproverMayApproveFirst(Approver approver) {
        assertThatCode(() -> CloudRules.checkApproval(service(null, null), approver, "ict.manager"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Approver.class)
    void anApproverApprovesOnce(Approver approver) {
        CloudService s = approver == Approver.ICT ? service("ict.manager", null) : service(null, "head");

        assertThatThrownBy(() -> CloudRules.checkApproval(s, approver, "someone.else"))
                .isInstanceOf(RegisterException.class).matches(e -> ((RegisterException) e).conflict())
                .hasMessageContaining("Padlet is already approved by " + approver.label());
    }

    @ParameterizedTest
    @EnumSource(Approver.class)
    void theTwoApproversAreTwoDifferentPeople(Approver approver) {
        CloudService s = approver == Approver.ICT ? service(null, "both") : service("both", null);

        assertThatThrownBy(() -> CloudRules.checkApproval(s, approver, "both"))
                .isInstanceOf(RegisterException.class).matches(e -> ((RegisterException) e).conflict())
                .hasMessage("You have already approved Padlet once: the ICT manager and a senior leader must be two "
                        + "different people.");
    }

    @ParameterizedTest(name = "{0} approving second")
    @CsvSource({"ICT,ict.manager and head", "SENIOR,ict.manager and head"})
    void theDecisionNamesTheIctManagerFirstWhoeverApprovedSecond(Approver second, String decidedBy) {
        String actor = second == Approver.ICT ? "ict.manager" : "head";
        String theirs = second == Approver.ICT ? "head" : "ict.manager";

        assertThat(CloudRules.decidedBy(second, actor, theirs)).isEqualTo(decidedBy);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CloudService.Status.class)
    void onlyAServiceWaitingIsDecidedAndANameOnTheListIsNotAskedForAgain(CloudService.Status status) {
        CloudService s = service(status);

        if (status == CloudService.Status.REQUESTED) {
            assertThatCode(() -> CloudRules.checkWaiting(s)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CloudRules.checkWaiting(s)).isInstanceOf(RegisterException.class)
                    .hasMessage("Padlet is no longer waiting for approval: it was " + status.label().toLowerCase()
                            + " on 1 Sep 2026 09:00.");
        }
        assertThat(CloudRules.duplicate(s)).isEqualTo(switch (status) {
            case APPROVED -> "Padlet is already approved: you may use it.";
            case REQUESTED -> "Padlet has already been asked for and is waiting for approval.";
            case REFUSED -> "Padlet was refused on 1 Sep 2026 09:00: No DPA.";
        });
    }

    @Test
    void aLicenceNeedsItsProductAndTheReferenceThatProvesIt() {
        assertThat(CloudRules.licenceProblems(new SoftwareLicences.Form("Office", null, "REF-1", null, null))).isEmpty();
        assertThat(CloudRules.licenceProblems(new SoftwareLicences.Form(" ", "", null, null, null))).containsExactly(
                "Give the product.", "Give the licence number, order or agreement that proves the licence.");
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"200,true", "201,false"})
    void aLicencesTextIsAtMostTwoHundredCharacters(int length, boolean kept) {
        String text = "x".repeat(length);

        assertThat(CloudRules.licenceProblems(new SoftwareLicences.Form(text, text, text, null, null)))
                .isEqualTo(kept ? List.of() : List.of("The product name is longer than 200 characters.",
                        "The reference is longer than 200 characters.", "The supplier is longer than 200 characters."));
    }

    @ParameterizedTest(name = "{0} seats")
    @CsvSource(nullValues = "none", value = {"none,true", "1,true", "500,true", "0,false", "-1,false"})
    void seatsAreAtLeastOneOrBlank(Integer seats, boolean kept) {
        assertThat(CloudRules.licenceProblems(new SoftwareLicences.Form("Office", "", "REF", seats, null)))
                .isEqualTo(kept ? List.of() : List.of("Seats must be at least 1, or blank."));
    }

    @ParameterizedTest(name = "expiring {0}, on {1}: due within 60 days {2}, expired {3}")
    @CsvSource(nullValues = "none", value = {
            "none,2026-09-01,false,false",
            "2026-08-31,2026-09-01,true,true",
            "2026-09-01,2026-09-01,true,false",
            "2026-10-31,2026-09-01,true,false",
            "2026-11-01,2026-09-01,false,false",
            // 60 days on from New Year's Eve before a leap day is 29 February.
            "2028-02-29,2027-12-31,true,false",
            "2028-03-01,2027-12-31,false,false",
            "2027-03-01,2026-12-31,true,false",
            "2027-03-02,2026-12-31,false,false"})
    void aLicenceIsDueFromSixtyDaysBeforeItRunsOutAndExpiredTheDayAfter(LocalDate expiresOn, LocalDate today,
                                                                        boolean due, boolean expired) {
        SoftwareLicence licence = new SoftwareLicence(1, "Office", "", "REF", null, expiresOn);

        assertThat(licence.dueWithin(SoftwareLicences.DUE_SOON_DAYS, today)).isEqualTo(due);
        assertThat(licence.expired(today)).isEqualTo(expired);
    }

    @ParameterizedTest(name = "expiring {0} is due by {1}: {2}")
    @CsvSource(nullValues = "none", value = {"2026-09-30,2026-09-30,true", "2026-10-01,2026-09-30,false",
            "2020-01-01,2026-09-30,true", "none,2099-12-31,false"})
    void aLicenceIsOnTheDueListWhenItRunsOutByTheDayAsked(LocalDate expiresOn, LocalDate until, boolean due) {
        assertThat(new SoftwareLicence(1, "Office", "", "REF", null, expiresOn).dueWithin(0, until)).isEqualTo(due);
    }

    private static CloudServices.Details details(String name, String purpose, String data) {
        return new CloudServices.Details(name, purpose, data, false, false);
    }

    private static CloudService service(String ict, String senior) {
        return new CloudService(1, "Padlet", "Discussion", "first names", false, true, CloudService.Status.REQUESTED,
                "staff", DECIDED, ict, ict == null ? null : DECIDED, senior, senior == null ? null : DECIDED, null, null,
                null);
    }

    private static CloudService service(CloudService.Status status) {
        boolean decided = status != CloudService.Status.REQUESTED;
        return new CloudService(1, "Padlet", "Discussion", "first names", false, true, status, "staff", DECIDED, null,
                null, null, null, decided ? "ict and head" : null, decided ? DECIDED : null,
                status == CloudService.Status.REFUSED ? "No DPA." : null);
    }
}
