package org.lantern.server.identity;

/**
 * An action a signed-in user may be allowed to take. Each is a Spring Security authority of the
 * same name, checked on the server for every request ({@code @PreAuthorize("hasAuthority('...')")}).
 */
public enum Permission {
    /** See one's own dashboard. */
    DASHBOARD,
    /** Create, disable and re-enable accounts; reset passwords and two-factor enrolment. */
    ACCOUNTS_MANAGE,
    /** Choose the password policy preset and its rules. */
    PASSWORD_POLICY_MANAGE,
    /** Read every account's logon history. */
    LOGON_HISTORY_READ,
    /** Read the people directory. */
    PEOPLE_READ,
    /** Import, edit, start and leave people; manage network identities and internet access. */
    PEOPLE_MANAGE,
    /** Read the school's policy in force and its history. */
    POLICY_READ,
    /** Change the school's policy (each change is a new, attributed version). */
    POLICY_EDIT,
    /** Read anonymised reports (governors). */
    REPORTS_ANONYMISED,
    /** Report an online-safety concern. */
    REPORT_CONCERN;

    /** The authority string Spring Security sees. */
    public String authority() {
        return name();
    }
}
