package org.lantern.server.identity;

import java.util.EnumSet;
import java.util.Set;

import static org.lantern.server.identity.Permission.*;

/**
 * The roles a school gives its people, each with the permissions it grants. Permissions, not
 * roles, are what controllers check, so that the role × action matrix lives in this one place
 * and is tested as a whole.
 */
public enum Role {
    ADMIN("Administrator / network manager", true,
            EnumSet.of(DASHBOARD, ACCOUNTS_MANAGE, PASSWORD_POLICY_MANAGE, LOGON_HISTORY_READ,
                    PEOPLE_READ, PEOPLE_MANAGE, POLICY_READ, POLICY_EDIT, REPORT_CONCERN,
                    FILTER_CHECK, FILTER_MANAGE, UNBLOCK_REQUEST, UNBLOCK_APPROVE, CHANGE_CONTROL_READ,
                    INCIDENT_RECORD, RETENTION_MANAGE, DATA_PROTECTION_MANAGE,
                    FILTER_NOMINATE, NETWORK_ACCESS_RESTORE, BYPASS_REPORT_READ,
                    PEOPLE_READ_DETAILS, POLICY_READ_PUPILS, UNBLOCK_ASK,
                    ACTIVITY_READ_TECHNICAL, ACTIVITY_INGEST, MONITOR_CLASSIFY,
                    AGREEMENT_ACCEPT, AGREEMENTS_READ, AGREEMENTS_RECORD, AGREEMENTS_EDIT, PHOTO_LIST_READ,
                    DEVICES_READ, DEVICES_MANAGE,
                    TRAINING_READ, TRAINING_RECORD, TRAINING_MANAGE,
                    CLOUD_SERVICES_READ, CLOUD_SERVICE_REQUEST, CLOUD_SERVICE_APPROVE_ICT, SOFTWARE_MANAGE,
                    REVIEWS_READ, SCHOOL_CALENDAR_MANAGE, DUE_MAIL_MANAGE)),
    DSL("Designated Safeguarding Lead", true,
            EnumSet.of(DASHBOARD, LOGON_HISTORY_READ, PEOPLE_READ, POLICY_READ, POLICY_EDIT,
                    REPORTS_ANONYMISED, REPORT_CONCERN, FILTER_CHECK, UNBLOCK_REQUEST, UNBLOCK_APPROVE,
                    CHANGE_CONTROL_READ, INCIDENT_RECORD, INCIDENT_READ_ALL, INCIDENT_MANAGE,
                    CHILD_PROTECTION_READ, RETENTION_MANAGE, DATA_PROTECTION_MANAGE,
                    FILTER_NOMINATE, NETWORK_ACCESS_RESTORE, BYPASS_REPORT_READ,
                    PEOPLE_READ_DETAILS, POLICY_READ_PUPILS, UNBLOCK_ASK,
                    ACTIVITY_READ, ACTIVITY_ACCESS_READ, ACTIVITY_NAMES_MANAGE, MONITOR_CLASSIFY,
                    AGREEMENT_ACCEPT, AGREEMENTS_READ, AGREEMENTS_RECORD, AGREEMENTS_EDIT,
                    CONSENTS_READ, CONSENTS_RECORD, CONSENTS_NEVER_PUBLISH, PHOTO_LIST_READ,
                    DEVICES_READ,
                    TRAINING_READ, TRAINING_RECORD, TRAINING_MANAGE, CLOUD_SERVICES_READ, CLOUD_SERVICE_REQUEST,
                    REVIEWS_READ, REVIEWS_LEAD, SCHOOL_CALENDAR_MANAGE, DUE_MAIL_MANAGE)),
    DEPUTY_DSL("Deputy Designated Safeguarding Lead", true,
            EnumSet.of(DASHBOARD, LOGON_HISTORY_READ, PEOPLE_READ, POLICY_READ,
                    REPORTS_ANONYMISED, REPORT_CONCERN, FILTER_CHECK, UNBLOCK_REQUEST, CHANGE_CONTROL_READ,
                    INCIDENT_RECORD, INCIDENT_READ_ALL, INCIDENT_MANAGE, CHILD_PROTECTION_READ,
                    NETWORK_ACCESS_RESTORE, BYPASS_REPORT_READ,
                    PEOPLE_READ_DETAILS, POLICY_READ_PUPILS, UNBLOCK_ASK, ACTIVITY_READ, MONITOR_CLASSIFY,
                    AGREEMENT_ACCEPT, AGREEMENTS_READ, AGREEMENTS_RECORD,
                    CONSENTS_READ, CONSENTS_RECORD, CONSENTS_NEVER_PUBLISH, PHOTO_LIST_READ,
                    DEVICES_READ,
                    TRAINING_READ, TRAINING_RECORD, CLOUD_SERVICES_READ, CLOUD_SERVICE_REQUEST)),
    HEADTEACHER("Headteacher / senior leadership", true,
            EnumSet.of(DASHBOARD, PEOPLE_READ, POLICY_READ, POLICY_EDIT, REPORTS_ANONYMISED,
                    REPORT_CONCERN, FILTER_CHECK, UNBLOCK_REQUEST, CHANGE_CONTROL_READ, INCIDENT_RECORD,
                    INCIDENT_READ_ALL, DATA_PROTECTION_MANAGE,
                    NETWORK_ACCESS_RESTORE, BYPASS_REPORT_READ, POLICY_READ_PUPILS, UNBLOCK_ASK,
                    ACTIVITY_READ, ACTIVITY_ACCESS_READ, ACTIVITY_NAMES_MANAGE, MONITOR_CLASSIFY,
                    AGREEMENT_ACCEPT, AGREEMENTS_READ, AGREEMENTS_RECORD, AGREEMENTS_EDIT,
                    CONSENTS_READ, CONSENTS_RECORD, CONSENTS_NEVER_PUBLISH, PHOTO_LIST_READ,
                    DEVICES_READ, DEVICES_MANAGE,
                    TRAINING_READ, TRAINING_RECORD, TRAINING_MANAGE,
                    CLOUD_SERVICES_READ, CLOUD_SERVICE_REQUEST, CLOUD_SERVICE_APPROVE_SENIOR, SOFTWARE_MANAGE,
                    REVIEWS_READ, REVIEWS_LEAD, DUE_MAIL_MANAGE)),
    STAFF("Staff", false,
            EnumSet.of(DASHBOARD, PEOPLE_READ, POLICY_READ, REPORT_CONCERN, UNBLOCK_REQUEST, INCIDENT_RECORD,
                    POLICY_READ_PUPILS, UNBLOCK_ASK,
                    AGREEMENT_ACCEPT, PHOTO_LIST_READ, CLOUD_SERVICES_READ, CLOUD_SERVICE_REQUEST)),
    GOVERNOR("Governor", false,
            EnumSet.of(DASHBOARD, POLICY_READ, REPORTS_ANONYMISED, CHANGE_CONTROL_READ, POLICY_READ_PUPILS,
                    AGREEMENT_ACCEPT, REVIEWS_READ, REVIEWS_GOVERN)),
    PUPIL("Pupil", false,
            EnumSet.of(DASHBOARD, REPORT_CONCERN, POLICY_READ_PUPILS, UNBLOCK_ASK, AGREEMENT_ACCEPT)),
    /**
     * Office staff who keep the school's registers (agreements, photo consents, devices and loans,
     * training and software licences) from the people directory, and see no safeguarding record: no
     * incidents, alerts, chronologies or activity, not even their own reports' records, since they
     * record none.
     */
    OFFICE("Office / registers", false,
            EnumSet.of(DASHBOARD, PEOPLE_READ, POLICY_READ, POLICY_READ_PUPILS, REPORT_CONCERN,
                    AGREEMENT_ACCEPT, AGREEMENTS_READ, AGREEMENTS_RECORD,
                    CONSENTS_READ, CONSENTS_RECORD, CONSENTS_NEVER_PUBLISH, PHOTO_LIST_READ,
                    DEVICES_READ, DEVICES_MANAGE,
                    TRAINING_READ, TRAINING_RECORD, CLOUD_SERVICES_READ, CLOUD_SERVICE_REQUEST, SOFTWARE_MANAGE,
                    DUE_MAIL_MANAGE));

    private final String title;
    private final boolean twoFactorRequiredByDefault;
    private final Set<Permission> permissions;

    Role(String title, boolean twoFactorRequiredByDefault, Set<Permission> permissions) {
        this.title = title;
        this.twoFactorRequiredByDefault = twoFactorRequiredByDefault;
        this.permissions = Set.copyOf(permissions);
    }

    /** The name a person sees, e.g. "Designated Safeguarding Lead". */
    public String title() {
        return title;
    }

    /** Whether accounts with this role must enrol in TOTP two-factor authentication. */
    public boolean twoFactorRequiredByDefault() {
        return twoFactorRequiredByDefault;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }
}
