package org.lantern.server.dataprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.lantern.server.alerts.AlertNote;

/**
 * Everything Lantern holds about one person, gathered to answer a subject access request: their
 * directory record, network identities, internet access register, login account with its logon
 * history and changes, incidents they are a subject of (with actions and the log of who looked at
 * them), the filter's alerts about them, their attempts to get round the filter, the unblock
 * requests they made, and what the school's registers hold about them (agreements accepted, photo
 * consents, devices lent and personal devices registered).
 *
 * <p>Other people appear only where the record cannot be understood without them, and those parts
 * are flagged for review: incident text may name others, staff names show who recorded or read a
 * record. Other people involved in an incident are counted, never named.
 *
 * @param requestId       the request this answers
 * @param generatedAt     when it was gathered
 * @param generatedBy     who gathered it
 * @param person          the directory record
 * @param networkIdentities how the network knows them
 * @param accessRegister  internet access granted and removed
 * @param account         their login account, or null when they have none
 * @param logons          logon attempts on that account, newest first
 * @param accountEvents   changes made to that account, newest first
 * @param incidents       incidents they are a subject of
 * @param alerts          the filter's alerts about them
 * @param bypassAttempts  their attempts to get round the filter, newest first
 * @param activity        their rows in the activity log: counted here, the rows in the export's CSV part
 * @param unblockRequests unblock requests they made
 * @param registers       what the school's registers hold about them, one part per register
 * @param warnings        what must be done before release
 */
public record PersonalDataExport(long requestId, OffsetDateTime generatedAt, String generatedBy, PersonDetails person,
                                 List<Identity> networkIdentities, List<AccessEntry> accessRegister,
                                 AccountDetails account, List<Logon> logons, List<AccountChange> accountEvents,
                                 Incidents incidents, Section<AlertEntry> alerts, Section<BypassEntry> bypassAttempts,
                                 Activity activity, List<UnblockEntry> unblockRequests,
                                 List<RegisterSection> registers, List<String> warnings) {

    /** The directory record. */
    public record PersonDetails(long id, String kind, String legalFirstName, String legalLastName,
                                String preferredFirstName, String admissionNumber, String upn, LocalDate dateOfBirth,
                                String yearGroup, String registrationClass, String staffCode, String jobTitle,
                                String staffRole, String email, LocalDate startDate, LocalDate leavingDate,
                                boolean internetAccess, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /**
     * What one of the school's registers holds about the person, as a table in words (dates as the
     * pages show them), the same on the page, in the PDF and in the JSON.
     *
     * @param title   e.g. "Acceptable-use agreements"
     * @param note    what is left out and who can add it, or what to review before release; null when nothing
     * @param columns the table's headings
     * @param rows    one list of cells per record, in the columns' order (an empty cell is "")
     */
    public record RegisterSection(String title, String note, List<String> columns, List<List<String>> rows) {
    }

    /** A network identity, e.g. proxy username {@code jsmith23}. */
    public record Identity(String type, String value) {
    }

    /** An internet access register entry. */
    public record AccessEntry(OffsetDateTime occurredAt, String action, String actor, String reason) {
    }

    /** The login account. */
    public record AccountDetails(String username, String displayName, String role, boolean enabled, boolean locked,
                                 String twoFactor, Instant lastLogonAt) {
    }

    /** A logon attempt. */
    public record Logon(Instant attemptedAt, String sourceIp, String userAgent, String outcome) {
    }

    /** A change made to the account. */
    public record AccountChange(Instant occurredAt, String actor, String action, String reason) {
    }

    /**
     * The incidents section.
     *
     * @param included               whether the records are in this export
     * @param note                   why not, or what to review before release
     * @param records                the records: behaviour records, and the child-protection records the
     *                               DSL included
     * @param childProtectionLeftOut how many child-protection records about the person are left out;
     *                               null when the exporter may not read them (they are not told)
     * @param childProtectionNote    what stands in place of the records left out; null when none are
     */
    public record Incidents(boolean included, String note, List<IncidentEntry> records,
                            Integer childProtectionLeftOut, String childProtectionNote) {
    }

    /**
     * An incident the person is a subject of. {@code reviewBeforeRelease} is always true: the text
     * may name or describe other people, and the names of staff may need to be considered.
     *
     * @param childProtection whether it is a child-protection record (then the DSL included it)
     * @param inclusion       the DSL's inclusion of a child-protection record, with their reason; shown
     *                        to the DSL on the export page, but kept out of the JSON and the PDF, the
     *                        copies that leave the school: the reason is the school's own judgement
     */
    public record IncidentEntry(long id, String subjectType, String category, OffsetDateTime occurredAt,
                                String location, String description, String childWords, List<String> links,
                                String recordedBy, OffsetDateTime recordedAt, int otherPeopleInvolved,
                                List<ActionEntry> actions, List<RecordAccess> accessLog, boolean reviewBeforeRelease,
                                boolean childProtection,
                                @JsonIgnore ChildProtectionInclusions.Inclusion inclusion) {
    }

    /**
     * A section that only the DSL's team may fill: like {@link Incidents}, for the other safeguarding registers.
     *
     * @param included whether the records are in this export
     * @param note     why not, when they are not
     * @param records  the records
     */
    public record Section<T>(boolean included, String note, List<T> records) {
    }

    /**
     * A filter alert about them. The address is withheld when it may be illegal material.
     *
     * @param address the address asked for, or a note that it is withheld
     * @param outcome what the DSL's team decided when it was closed, or {@code null}
     * @param notes   the team's notes on it, oldest first
     */
    public record AlertEntry(long id, String kind, String category, Instant firstSeenAt, Instant lastSeenAt,
                             int occurrences, String address, String reason, String status, String outcome,
                             List<AlertNote> notes) {
    }

    /** An attempt to get round the filter: when, which host, why it counted and what the filter did. */
    public record BypassEntry(Instant at, String host, String category, String action, String clientIp) {
    }

    /**
     * Their web requests in the activity log. The rows themselves are the export's CSV part: a
     * year of browsing is too long for a page or a PDF.
     *
     * @param included whether the rows are in this export
     * @param note     why not, when they are not
     * @param rows     how many rows the CSV part holds (0 when not included)
     * @param csvFile  the CSV part's file name, or null when not included
     */
    public record Activity(boolean included, String note, long rows, String csvFile) {
    }

    /** An action on an incident. */
    public record ActionEntry(String action, LocalDate dueOn, String status, String addedReason, String outcome,
                              String closedBy, OffsetDateTime closedAt) {
    }

    /** A logged look at one of their incident records. */
    public record RecordAccess(OffsetDateTime accessedAt, String username, String channel, boolean allowed) {
    }

    /**
     * An unblock request they made. Other people it covered are counted, not named.
     *
     * @param namedPeople how many named people the request covered
     */
    public record UnblockEntry(long id, String target, String reason, Instant from, Instant until, Instant requestedAt,
                               String status, String decidedBy, Instant decidedAt, String decisionReason,
                               List<String> groups, int namedPeople) {
    }
}
