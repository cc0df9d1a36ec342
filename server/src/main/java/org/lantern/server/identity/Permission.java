package org.lantern.server.identity;

import org.springframework.security.core.Authentication;

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
    /**
     * Read what identifies a person beyond their name, year, class and groups: date of birth, UPN,
     * admission number and network identities (devices). For the roles whose work needs them.
     */
    PEOPLE_READ_DETAILS,
    /** Import, edit, start and leave people; manage network identities and internet access. */
    PEOPLE_MANAGE,
    /** Restore internet access that an incident's sanction suspended (with a reason). */
    NETWORK_ACCESS_RESTORE,
    /** Read the school's policy in force and its history. */
    POLICY_READ,
    /** Read the policy as it applies to pupils: their rules in plain words, with nothing staff-only. */
    POLICY_READ_PUPILS,
    /** Change the school's policy (each change is a new, attributed version). */
    POLICY_EDIT,
    /** Read anonymised reports (governors). */
    REPORTS_ANONYMISED,
    /** Report an online-safety concern. */
    REPORT_CONCERN,
    /** Ask the filter why it would allow or block a URL for a person ({@code lantern check}, the decision API). */
    FILTER_CHECK,
    /** Edit the school's local allow and block lists and the list sources. */
    FILTER_MANAGE,
    /** Put people in policy groups such as the nominated users of a User Actions row (the DSL's choice). */
    FILTER_NOMINATE,
    /** Ask for a site to be unblocked for a group for a period of study. */
    UNBLOCK_REQUEST,
    /**
     * Ask, from the block page, for a blocked page to be opened for oneself (pupils); holders of
     * {@link #UNBLOCK_REQUEST} are sent on to the full request form.
     */
    UNBLOCK_ASK,
    /** Grant or refuse unblock requests (technical staff or the designated person). */
    UNBLOCK_APPROVE,
    /** Read the filtering / change-control log (policy versions, unblocks, list changes). */
    CHANGE_CONTROL_READ,
    /** Record an online-safety concern or incident about a pupil or member of staff. */
    INCIDENT_RECORD,
    /** Read every incident and safeguarding record, not only one's own. */
    INCIDENT_READ_ALL,
    /** Read child-protection records, which are kept apart from behaviour records (the DSL and deputies). */
    CHILD_PROTECTION_READ,
    /** Work incidents: complete, add or waive actions, decide referrals. */
    INCIDENT_MANAGE,
    /** Review records past their retention period: confirm deletion or extend; place and lift legal holds. */
    RETENTION_MANAGE,
    /** Keep the personal-data breach register and answer subject access requests (the DPO's work). */
    DATA_PROTECTION_MANAGE,
    /** Read the bypass-attempt report (who is named depends on INCIDENT_READ_ALL). */
    BYPASS_REPORT_READ,
    /**
     * Search the activity log (every web request) by person, with names: the DSL, deputies and
     * headteacher. Every search is itself recorded.
     */
    ACTIVITY_READ,
    /**
     * Search the activity log for technical work (traffic, devices, user names, addresses): the
     * network manager. Whether pupils' names are shown too is a school setting.
     */
    ACTIVITY_READ_TECHNICAL,
    /** See who has searched the activity log for a person (the DSL and headteacher). */
    ACTIVITY_ACCESS_READ,
    /**
     * Choose whether the network manager (ACTIVITY_READ_TECHNICAL) sees pupils' names in the
     * activity log: the DSL and headteacher, who answer for pupils' privacy; never the network
     * manager, who would otherwise grant it to themselves.
     */
    ACTIVITY_NAMES_MANAGE,
    /**
     * Send web requests into the activity log (a proxy shipping its decision log, a Squid
     * access.log import); an ingest-only API token carries this and nothing else.
     */
    ACTIVITY_INGEST,
    /**
     * Ask the safeguarding monitor what it makes of texts ({@code POST /api/v1/monitor/classify}):
     * the DSL, deputies and headteacher, who decide what the monitor raises and must see why a
     * text was or was not flagged, and the network manager, who runs the engine and checks a
     * reported false positive. Only the caller's own texts are read, no one's activity. Not staff,
     * governors or pupils: it would let anyone probe which words slip past the monitor.
     */
    MONITOR_CLASSIFY,
    /**
     * Read and accept one's own acceptable-use agreement (everyone: whoever is linked to a person in
     * the directory has an agreement to accept).
     */
    AGREEMENT_ACCEPT,
    /**
     * Read the acceptable-use agreements register: coverage by audience, year group and class, who has
     * not signed, each person's acceptances, and its CSV export. Registers hold names, never a
     * safeguarding record, so the office staff who keep them hold this.
     */
    AGREEMENTS_READ,
    /** Record a pupil's, parent's or adult's paper agreement form with its date. */
    AGREEMENTS_RECORD,
    /** Publish new versions of the agreement texts and turn the network gate on or off per group. */
    AGREEMENTS_EDIT,
    /**
     * Read the photo and video consent register: each pupil's consents and their scans, the register
     * of publications, takedown tasks, and its CSV export. No safeguarding record, so the office
     * staff who keep consents hold it.
     */
    CONSENTS_READ,
    /** Record and import consent forms, withdraw consent, record publications, mark takedowns done. */
    CONSENTS_RECORD,
    /**
     * See and set which pupils must never appear in anything published, and why (adoption, care,
     * a court order): the DSL and deputies, the headteacher and the office staff who keep consents.
     * Every read of a pupil's flag is in the record-access log.
     */
    CONSENTS_NEVER_PUBLISH,
    /**
     * Print the "who may not be photographed" list for a class or trip: every member of staff who
     * takes pupils out or photographs them. It names pupils and uses, never why.
     */
    PHOTO_LIST_READ,
    /**
     * Read the devices and loans register: the school's devices, the loans out and overdue with
     * their return clocks, personal devices and the leaver checklist, and their CSV exports. Of a
     * loss it shows only the number of the incident and breach it opened, never their contents.
     */
    DEVICES_READ,
    /**
     * Keep the devices and loans register: enter and import devices, lend them and take them back,
     * ask for a return, record a loss or theft (which opens an incident and, with personal data on
     * the device, a breach), register personal devices.
     */
    DEVICES_MANAGE,
    /**
     * Read the training register: the courses, who has done which, who is due or overdue, starters'
     * induction checklists, certificates and the CSV export. Names and dates, no safeguarding record.
     */
    TRAINING_READ,
    /** Record training completions (one by one with a certificate, or a CSV import). */
    TRAINING_RECORD,
    /** Add and change the courses: who must take each and how often it is renewed. */
    TRAINING_MANAGE,
    /** Read the approved cloud services list (every member of staff, who must use only what is on it). */
    CLOUD_SERVICES_READ,
    /** Ask for a new cloud service to be approved (any member of staff, seed 003 section 1.5.1). */
    CLOUD_SERVICE_REQUEST,
    /** Approve or refuse a requested cloud service as the ICT manager (the network manager). */
    CLOUD_SERVICE_APPROVE_ICT,
    /** Approve or refuse a requested cloud service as a senior leader (the headteacher). */
    CLOUD_SERVICE_APPROVE_SENIOR,
    /** Keep the software register: licences and expiry, and an approved service's DPIA and agreement details. */
    SOFTWARE_MANAGE,
    /**
     * Read the annual filtering and monitoring reviews and their live evidence (counts, the policy's
     * categories, the filter test; no names): the senior leaders and governors who sign them, and
     * the network manager who answers for the filter.
     */
    REVIEWS_READ,
    /**
     * Choose the day and hour of the weekly "due this month" email to the registers' owners: those
     * who keep the registers (the office staff and headteacher) and the administrator and DSL, who
     * keep the school's settings and registers of their own.
     */
    DUE_MAIL_MANAGE,
    /** Start a year's filtering and monitoring review, answer its questions, and sign as the senior leader. */
    REVIEWS_LEAD,
    /** Sign a filtering and monitoring review as the governor responsible for it. */
    REVIEWS_GOVERN,
    /**
     * Keep the school's term dates, half-terms and INSET days, which decide when alerts go down the
     * out-of-hours on-call list and when the daily digest is sent: the DSL, who runs that list, and
     * the network manager, who keeps the school's settings.
     */
    SCHOOL_CALENDAR_MANAGE;

    /** The authority string Spring Security sees. */
    public String authority() {
        return name();
    }

    /** Whether this signed-in user holds this permission, for a page that shows more to some roles. */
    public boolean heldBy(Authentication authentication) {
        return Authorities.has(authentication, authority());
    }
}
