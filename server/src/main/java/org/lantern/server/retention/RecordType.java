package org.lantern.server.retention;

/**
 * The kinds of record Lantern keeps, each with its own retention rule. Incidents and leavers are
 * reviewed one record at a time; logs are reviewed as one batch of everything before a cut-off.
 */
public enum RecordType {
    /** Pupil incidents referred to the DSL or the police: child-protection records. */
    CHILD_PROTECTION("Child-protection incident", false),
    /** Other pupil incidents: behaviour records. */
    BEHAVIOUR("Behaviour incident", false),
    /** Incidents about members of staff. */
    STAFF_INCIDENT("Staff incident", false),
    /** People who have left: their directory entry, network identities and internet access register. */
    LEAVER("Person who has left", false),
    /** Logon attempts (Prince Henry's: "audit of all logons"). */
    LOGON_AUDIT("Logon audit", true),
    /** Looks at safeguarding records, for records that no longer exist. */
    RECORD_ACCESS("Record-access log", true),
    /** Unblock requests and their history, once their period has ended. */
    UNBLOCK_REQUEST("Unblock requests", true),
    /** The filter's daily decision-log files. */
    DECISION_LOG("Filter decision-log files", true),
    /** Searches of the activity log: who looked at whose browsing, and when. */
    ACTIVITY_SEARCH("Activity-log searches", true),
    /**
     * The alerts register's closed alerts that led to no record of their own (no further action,
     * false positive, already known), with their notes, matches and deliveries. An alert escalated
     * to an incident is kept and deleted with its incident instead.
     */
    ALERT("Closed alerts (no further action, false positive, already known)", true);

    private final String label;
    private final boolean batch;

    RecordType(String label, boolean batch) {
        this.label = label;
        this.batch = batch;
    }

    /** The name people see. */
    public String label() {
        return label;
    }

    /** Whether it is reviewed as one batch before a cut-off date rather than record by record. */
    public boolean batch() {
        return batch;
    }
}
