package org.lantern.server.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.registers.due.DueThisMonth;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The role × action matrix: for every role and every protected endpoint, a user holding exactly
 * that role's permissions is let through if and only if the role has the endpoint's permission,
 * and gets 403 otherwise, signed in with a session and, for the API, with an API token of an
 * account of that role. Features add their endpoints to {@link #ROWS}.
 */
@PersistenceTest
@AutoConfigureMockMvc
class PermissionMatrixTest {

    /** One protected endpoint and the permissions it needs: all of them, or any one for an {@link #anyOf} row. */
    record Row(HttpMethod method, String path, Set<Permission> permissions, boolean anyOne) {
        Row(HttpMethod method, String path, Permission permission, Permission... alsoNeeded) {
            this(method, path, Stream.concat(Stream.of(permission), Arrays.stream(alsoNeeded)).collect(Collectors.toSet()),
                    false);
        }

        /** An endpoint open to holders of any one of the permissions, e.g. the activity log's two kinds of reader. */
        static Row anyOf(HttpMethod method, String path, Permission... permissions) {
            return new Row(method, path, Set.of(permissions), true);
        }

        boolean allows(Role role) {
            return anyOne ? permissions.stream().anyMatch(role::can) : role.permissions().containsAll(permissions);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The permissions that open some register's due dates: the policy's and reviews', consents', loans', training's, licences'. */
    private static final Permission[] DUE_DATES_READERS = {Permission.POLICY_READ, Permission.REVIEWS_READ,
            Permission.CONSENTS_READ, Permission.DEVICES_READ, Permission.TRAINING_READ, Permission.SOFTWARE_MANAGE};

    static final List<Row> ROWS = List.of(
            new Row(HttpMethod.GET, "/", Permission.DASHBOARD),
            new Row(HttpMethod.GET, "/accounts", Permission.ACCOUNTS_MANAGE),
            new Row(HttpMethod.GET, "/accounts/new", Permission.ACCOUNTS_MANAGE),
            new Row(HttpMethod.POST, "/accounts", Permission.ACCOUNTS_MANAGE),
            new Row(HttpMethod.GET, "/audit/logons", Permission.LOGON_HISTORY_READ),
            new Row(HttpMethod.GET, "/api/v1/audit/logons", Permission.LOGON_HISTORY_READ),
            new Row(HttpMethod.GET, "/actuator/prometheus", Permission.ACCOUNTS_MANAGE),
            new Row(HttpMethod.GET, "/settings/password-policy", Permission.PASSWORD_POLICY_MANAGE),
            new Row(HttpMethod.POST, "/settings/password-policy", Permission.PASSWORD_POLICY_MANAGE),
            new Row(HttpMethod.GET, "/people", Permission.PEOPLE_READ),
            new Row(HttpMethod.GET, "/people/1", Permission.PEOPLE_READ),
            new Row(HttpMethod.GET, "/people/register", Permission.PEOPLE_READ),
            new Row(HttpMethod.GET, "/api/v1/people", Permission.PEOPLE_READ),
            new Row(HttpMethod.GET, "/api/v1/people/1", Permission.PEOPLE_READ),
            new Row(HttpMethod.POST, "/people/1/access", Permission.PEOPLE_MANAGE),
            new Row(HttpMethod.POST, "/people/1/identities", Permission.PEOPLE_MANAGE),
            new Row(HttpMethod.POST, "/people/1/identities/remove", Permission.PEOPLE_MANAGE),
            new Row(HttpMethod.POST, "/people/1/groups", Permission.FILTER_NOMINATE),
            new Row(HttpMethod.POST, "/people/1/groups/remove", Permission.FILTER_NOMINATE),
            new Row(HttpMethod.POST, "/people/1/access/restore", Permission.NETWORK_ACCESS_RESTORE),
            new Row(HttpMethod.GET, "/people/import", Permission.PEOPLE_MANAGE),
            new Row(HttpMethod.POST, "/people/import", Permission.PEOPLE_MANAGE),
            new Row(HttpMethod.POST, "/people/import/apply", Permission.PEOPLE_MANAGE),
            new Row(HttpMethod.GET, "/policy", Permission.POLICY_READ),
            new Row(HttpMethod.GET, "/policy/history", Permission.POLICY_READ),
            new Row(HttpMethod.GET, "/policy/pupils", Permission.POLICY_READ_PUPILS),
            new Row(HttpMethod.GET, "/policy/history/1", Permission.POLICY_READ),
            new Row(HttpMethod.GET, "/policy/diff?from=1&to=1", Permission.POLICY_READ),
            new Row(HttpMethod.GET, "/api/v1/policy/current", Permission.POLICY_READ),
            new Row(HttpMethod.GET, "/api/v1/policy/versions", Permission.POLICY_READ),
            new Row(HttpMethod.GET, "/policy/edit", Permission.POLICY_EDIT),
            new Row(HttpMethod.POST, "/policy/edit", Permission.POLICY_EDIT),
            new Row(HttpMethod.POST, "/policy/edit/user-actions", Permission.POLICY_EDIT),
            new Row(HttpMethod.POST, "/policy/edit/sanctions/pupil", Permission.POLICY_EDIT),
            new Row(HttpMethod.POST, "/policy/edit/sanctions/staff", Permission.POLICY_EDIT),
            new Row(HttpMethod.POST, "/policy/history/1/restore", Permission.POLICY_EDIT),
            new Row(HttpMethod.GET, "/incidents", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/incidents/new", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/incidents", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/incidents/1", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/incidents/1/actions/1/complete", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/incidents/1/actions/1/waive", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/incidents/1/actions", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/incident-categories?subject=pupil", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/api/v1/incidents/1", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/actions/1/complete", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/actions/1/waive", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/actions", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.GET, "/incidents/child-protection", Permission.CHILD_PROTECTION_READ),
            new Row(HttpMethod.POST, "/incidents/1/actions/1/not-referred", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/incidents/1/kind", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/incidents/1/raise", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/incidents/1/lower", Permission.CHILD_PROTECTION_READ),
            new Row(HttpMethod.GET, "/api/v1/incident-categories?kind=concern&subject=pupil", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/api/v1/incident-categories?kind=misuse&subject=staff", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/raise", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/lower", Permission.CHILD_PROTECTION_READ),
            new Row(HttpMethod.POST, "/incidents/1/investigation", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/actions/1/not-referred", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/investigation", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.GET, "/people/1/chronology", Permission.INCIDENT_READ_ALL),
            new Row(HttpMethod.GET, "/people/1/chronology/print", Permission.INCIDENT_READ_ALL),
            new Row(HttpMethod.GET, "/report-concern", Permission.REPORT_CONCERN),
            new Row(HttpMethod.POST, "/report-concern", Permission.REPORT_CONCERN),
            new Row(HttpMethod.GET, "/report-concern/thanks", Permission.REPORT_CONCERN),
            new Row(HttpMethod.POST, "/incidents/1/evidence/link", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/incidents/1/evidence/description", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/incidents/1/evidence/upload", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/incidents/1/evidence/1", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/incidents/1/evidence/1/download", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/incidents/1/evidence/export", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/api/v1/incidents/1/evidence", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/evidence", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/evidence/files", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/api/v1/incidents/1/evidence/1", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/api/v1/incidents/1/evidence/1/content", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/api/v1/incidents/1/evidence/export", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/retention", Permission.RETENTION_MANAGE),
            new Row(HttpMethod.POST, "/retention/check", Permission.RETENTION_MANAGE),
            new Row(HttpMethod.POST, "/retention/activity-log", Permission.RETENTION_MANAGE),
            new Row(HttpMethod.POST, "/retention/999999999/delete", Permission.RETENTION_MANAGE),
            new Row(HttpMethod.POST, "/retention/999999999/extend", Permission.RETENTION_MANAGE),
            new Row(HttpMethod.POST, "/retention/holds", Permission.RETENTION_MANAGE),
            new Row(HttpMethod.POST, "/retention/holds/999999999/lift", Permission.RETENTION_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/decision?url=http://library.example/", Permission.FILTER_CHECK),
            new Row(HttpMethod.GET, "/filtering/lists", Permission.FILTER_MANAGE),
            new Row(HttpMethod.POST, "/filtering/lists", Permission.FILTER_MANAGE),
            new Row(HttpMethod.POST, "/filtering/lists/1/remove", Permission.FILTER_MANAGE),
            new Row(HttpMethod.GET, "/unblock/request", Permission.UNBLOCK_REQUEST),
            new Row(HttpMethod.POST, "/unblock/request", Permission.UNBLOCK_REQUEST),
            new Row(HttpMethod.GET, "/unblock/mine", Permission.UNBLOCK_REQUEST),
            new Row(HttpMethod.GET, "/unblock/ask", Permission.UNBLOCK_ASK),
            new Row(HttpMethod.POST, "/unblock/ask", Permission.UNBLOCK_ASK),
            new Row(HttpMethod.POST, "/unblock/999999999/withdraw", Permission.UNBLOCK_REQUEST),
            new Row(HttpMethod.GET, "/unblock", Permission.UNBLOCK_APPROVE),
            new Row(HttpMethod.POST, "/unblock/999999999/grant", Permission.UNBLOCK_APPROVE),
            new Row(HttpMethod.POST, "/unblock/999999999/refuse", Permission.UNBLOCK_APPROVE),
            new Row(HttpMethod.GET, "/api/v1/unblocks", Permission.UNBLOCK_APPROVE),
            new Row(HttpMethod.POST, "/api/v1/unblocks", Permission.UNBLOCK_REQUEST),
            new Row(HttpMethod.GET, "/change-control", Permission.CHANGE_CONTROL_READ),
            new Row(HttpMethod.GET, "/change-control.csv", Permission.CHANGE_CONTROL_READ),
            new Row(HttpMethod.GET, "/reports/governors?year=2012", Permission.REPORTS_ANONYMISED),
            new Row(HttpMethod.GET, "/reports/governors.pdf?year=2012", Permission.REPORTS_ANONYMISED),
            new Row(HttpMethod.GET, "/api/v1/reports/governors?year=2012", Permission.REPORTS_ANONYMISED),
            new Row(HttpMethod.GET, "/reports/weekly", Permission.INCIDENT_READ_ALL),
            new Row(HttpMethod.GET, "/data-protection", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/breaches", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/breaches/new", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.POST, "/data-protection/breaches", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/breaches/999999999", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.POST, "/data-protection/breaches/999999999/decision", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.POST, "/data-protection/breaches/999999999/report", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.POST, "/data-protection/breaches/999999999/follow-up", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/subject-access", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/subject-access/new", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.POST, "/data-protection/subject-access", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/subject-access/999999999", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.POST, "/data-protection/subject-access/999999999/identity", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.POST, "/data-protection/subject-access/999999999/extension", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.POST, "/data-protection/subject-access/999999999/status", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/subject-access/999999999/export", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/subject-access/999999999/export.json", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/subject-access/999999999/export.pdf", Permission.DATA_PROTECTION_MANAGE),
            new Row(HttpMethod.GET, "/data-protection/subject-access/999999999/export-activity.csv",
                    Permission.DATA_PROTECTION_MANAGE),
            // Choosing which child-protection records a request releases needs both: the DPO's register and the DSL's file.
            new Row(HttpMethod.POST, "/data-protection/subject-access/999999999/child-protection/1",
                    Permission.DATA_PROTECTION_MANAGE, Permission.CHILD_PROTECTION_READ),
            new Row(HttpMethod.POST, "/data-protection/subject-access/999999999/child-protection/1/withdraw",
                    Permission.DATA_PROTECTION_MANAGE, Permission.CHILD_PROTECTION_READ),
            new Row(HttpMethod.GET, "/alerts", Permission.INCIDENT_READ_ALL),
            new Row(HttpMethod.GET, "/alerts/999999999", Permission.INCIDENT_READ_ALL),
            // The alert queue's triage (issue 17): the DSL's team works it; reading stays with INCIDENT_READ_ALL.
            new Row(HttpMethod.POST, "/alerts/999999999/status", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/alerts/999999999/assignee", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/alerts/999999999/notes", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.GET, "/alerts/people/999999999", Permission.INCIDENT_READ_ALL),
            new Row(HttpMethod.GET, "/api/v1/alerts", Permission.INCIDENT_READ_ALL),
            new Row(HttpMethod.GET, "/api/v1/alerts?status=in-review&assignee=none", Permission.INCIDENT_READ_ALL),
            new Row(HttpMethod.POST, "/api/v1/alerts/999999999/status", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/alerts/999999999/assignee", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/alerts/999999999/notes", Permission.INCIDENT_MANAGE),
            // Delivery (issue 17): the DSL's team keeps the on-call list and acknowledges out-of-hours alerts.
            new Row(HttpMethod.GET, "/alerts/on-call", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/alerts/on-call", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/alerts/on-call/999999999/move", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/alerts/on-call/999999999/remove", Permission.INCIDENT_MANAGE),
            // Term dates (issue 17): the DSL and the network manager keep the school's calendar.
            new Row(HttpMethod.GET, "/settings/term-dates", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/settings/term-dates/terms", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/settings/term-dates/closures", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/settings/term-dates/terms/999999999/remove", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.GET, "/settings/term-dates/terms/999999999", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/settings/term-dates/terms/999999999", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.GET, "/settings/term-dates/closures/999999999", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/settings/term-dates/closures/999999999", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/settings/term-dates/closures/999999999/remove", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/settings/term-dates/school-hours", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/settings/term-dates", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/settings/term-dates/terms", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/settings/term-dates/closures", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.DELETE, "/api/v1/settings/term-dates/terms/999999999", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.PUT, "/api/v1/settings/term-dates/terms/999999999", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.PUT, "/api/v1/settings/term-dates/closures/999999999", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.DELETE, "/api/v1/settings/term-dates/closures/999999999",
                    Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.PUT, "/api/v1/settings/term-dates/school-hours", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/settings/term-dates/school-hours/history", Permission.SCHOOL_CALENDAR_MANAGE),
            new Row(HttpMethod.POST, "/alerts/999999999/acknowledge", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/alerts/999999999/acknowledge", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.GET, "/filtering/bypass-attempts", Permission.BYPASS_REPORT_READ),
            new Row(HttpMethod.GET, "/filtering/bypass-attempts.csv", Permission.BYPASS_REPORT_READ),
            // The activity log (issue 16): searched by the safeguarding team with names, or by the network manager
            // without (the school's default); the type-ahead offers names, so only to those who see them.
            Row.anyOf(HttpMethod.GET, "/activity", Permission.ACTIVITY_READ, Permission.ACTIVITY_READ_TECHNICAL),
            Row.anyOf(HttpMethod.GET, "/activity?user=matrix.nobody", Permission.ACTIVITY_READ,
                    Permission.ACTIVITY_READ_TECHNICAL),
            Row.anyOf(HttpMethod.GET, "/activity.csv?user=matrix.nobody", Permission.ACTIVITY_READ,
                    Permission.ACTIVITY_READ_TECHNICAL),
            Row.anyOf(HttpMethod.GET, "/api/v1/activity?user=matrix.nobody", Permission.ACTIVITY_READ,
                    Permission.ACTIVITY_READ_TECHNICAL),
            new Row(HttpMethod.GET, "/activity/people.json?q=ada", Permission.ACTIVITY_READ),
            new Row(HttpMethod.GET, "/activity/people/1/searches", Permission.ACTIVITY_ACCESS_READ),
            new Row(HttpMethod.GET, "/activity/settings", Permission.ACTIVITY_NAMES_MANAGE),
            new Row(HttpMethod.POST, "/activity/settings/names", Permission.ACTIVITY_NAMES_MANAGE),
            new Row(HttpMethod.POST, "/incidents/1/case/status", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/incidents/1/case/priority", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/incidents/1/case/owner", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/incidents/1/case/review", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/incidents/1/actions/1/owner", Permission.INCIDENT_RECORD),
            // Choosing a pupil's report's concern: the case controls' rule, with CHILD_PROTECTION_READ checked per record.
            new Row(HttpMethod.POST, "/incidents/1/category", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/category", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.GET, "/api/v1/incidents/1/case", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/case/status", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/case/priority", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/case/owner", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/case/review", Permission.INCIDENT_RECORD),
            new Row(HttpMethod.POST, "/api/v1/incidents/1/actions/1/owner", Permission.INCIDENT_RECORD),
            // The activity log's ingest API (lantern activity import|ship).
            new Row(HttpMethod.GET, "/api/v1/activity/sources/matrix.source", Permission.ACTIVITY_INGEST),
            new Row(HttpMethod.POST, "/api/v1/activity/ingest?format=squid&source=matrix.source&start=0",
                    Permission.ACTIVITY_INGEST),
            // The safeguarding monitor's classifier (issue 17): the safeguarding team and the network manager.
            new Row(HttpMethod.POST, "/api/v1/monitor/classify", Permission.MONITOR_CLASSIFY),
            // Its libraries (issue 17 section 1): read by those who classify, changed by the DSL's team.
            new Row(HttpMethod.GET, "/monitoring/libraries", Permission.MONITOR_CLASSIFY),
            new Row(HttpMethod.GET, "/monitoring/libraries/gambling?q=bet", Permission.MONITOR_CLASSIFY),
            new Row(HttpMethod.GET, "/monitoring/libraries/gambling/phrase?phrase=bet365&language=en", Permission.MONITOR_CLASSIFY),
            new Row(HttpMethod.GET, "/monitoring/libraries/gambling/export", Permission.MONITOR_CLASSIFY),
            new Row(HttpMethod.POST, "/monitoring/libraries/gambling/phrases", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/monitoring/libraries/gambling/phrases/levels", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/monitoring/libraries/gambling/phrases/remove", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/monitoring/libraries/gambling/exclusions", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/monitoring/libraries/gambling/exclusions/999999999/remove", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/monitoring/libraries/gambling/import", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/monitor/libraries", Permission.MONITOR_CLASSIFY),
            new Row(HttpMethod.GET, "/api/v1/monitor/libraries/gambling", Permission.MONITOR_CLASSIFY),
            new Row(HttpMethod.GET, "/api/v1/monitor/libraries/gambling/versions", Permission.MONITOR_CLASSIFY),
            new Row(HttpMethod.GET, "/api/v1/monitor/libraries/gambling/export", Permission.MONITOR_CLASSIFY),
            new Row(HttpMethod.POST, "/api/v1/monitor/libraries/gambling/import", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/monitor/libraries/gambling/phrases", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/monitor/libraries/gambling/phrases/levels", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/monitor/libraries/gambling/phrases/remove", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/monitor/libraries/gambling/exclusions", Permission.INCIDENT_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/monitor/libraries/gambling/exclusions", Permission.MONITOR_CLASSIFY),
            new Row(HttpMethod.POST, "/api/v1/monitor/libraries/gambling/exclusions/999999999/remove",
                    Permission.INCIDENT_MANAGE),
            // The acceptable-use agreements register (issue 18 section 1).
            new Row(HttpMethod.GET, "/agreement", Permission.AGREEMENT_ACCEPT),
            new Row(HttpMethod.POST, "/agreement", Permission.AGREEMENT_ACCEPT),
            new Row(HttpMethod.GET, "/registers/agreements", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.GET, "/registers/agreements/unsigned", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.GET, "/registers/agreements/unsigned.csv", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.GET, "/registers/agreements/people/999999999", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.POST, "/registers/agreements/people/999999999/paper?versionId=999999999",
                    Permission.AGREEMENTS_RECORD),
            new Row(HttpMethod.GET, "/registers/agreements/scans/999999999", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.GET, "/registers/agreements/texts", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.GET, "/registers/agreements/texts/history?audience=STAFF", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.GET, "/registers/agreements/texts/edit?audience=STAFF", Permission.AGREEMENTS_EDIT),
            new Row(HttpMethod.POST, "/registers/agreements/texts", Permission.AGREEMENTS_EDIT),
            new Row(HttpMethod.GET, "/registers/agreements/gate", Permission.AGREEMENTS_EDIT),
            new Row(HttpMethod.POST, "/registers/agreements/gate", Permission.AGREEMENTS_EDIT),
            new Row(HttpMethod.GET, "/api/v1/registers/agreements/coverage", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/agreements/accept", Permission.AGREEMENT_ACCEPT),
            new Row(HttpMethod.GET, "/api/v1/registers/agreements", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/agreements/acceptances?audience=STAFF",
                    Permission.AGREEMENTS_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/agreements/paper", Permission.AGREEMENTS_RECORD),
            new Row(HttpMethod.POST, "/api/v1/registers/agreements/versions", Permission.AGREEMENTS_EDIT),
            new Row(HttpMethod.GET, "/api/v1/registers/agreements/gate", Permission.AGREEMENTS_EDIT),
            new Row(HttpMethod.PUT, "/api/v1/registers/agreements/gate", Permission.AGREEMENTS_EDIT),
            new Row(HttpMethod.GET, "/api/v1/registers/agreements/unsigned.csv", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/agreements/people/999999999/scans", Permission.AGREEMENTS_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/agreements/people/999999999/scans",
                    Permission.AGREEMENTS_RECORD),
            new Row(HttpMethod.GET, "/api/v1/registers/agreements/scans/999999999", Permission.AGREEMENTS_READ),
            // The photo and video consent register (issue 18 section 2).
            new Row(HttpMethod.GET, "/registers/consents", Permission.CONSENTS_READ),
            new Row(HttpMethod.GET, "/registers/consents/people/999999999", Permission.CONSENTS_READ),
            new Row(HttpMethod.POST, "/registers/consents/people/999999999", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.POST, "/registers/consents/people/999999999/withdraw", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.POST, "/registers/consents/people/999999999/never-publish",
                    Permission.CONSENTS_NEVER_PUBLISH),
            new Row(HttpMethod.GET, "/registers/consents/scans/999999999", Permission.CONSENTS_READ),
            new Row(HttpMethod.GET, "/registers/consents/export.csv", Permission.CONSENTS_READ),
            new Row(HttpMethod.GET, "/registers/consents/import", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.POST, "/registers/consents/import", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.GET, "/registers/consents/publications", Permission.CONSENTS_READ),
            new Row(HttpMethod.POST, "/registers/consents/publications", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.GET, "/registers/consents/takedowns", Permission.CONSENTS_READ),
            new Row(HttpMethod.POST, "/registers/consents/takedowns/999999999/done", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.POST, "/registers/consents/takedowns/days", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.GET, "/registers/consents/no-photos?class=7A", Permission.PHOTO_LIST_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/consents", Permission.CONSENTS_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/consents/999999999", Permission.CONSENTS_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/consents/999999999", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.PUT, "/api/v1/registers/consents/999999999/PRESS", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.POST, "/api/v1/registers/consents/999999999/withdraw", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.GET, "/api/v1/registers/consents/999999999/scans", Permission.CONSENTS_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/consents/999999999/scans", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.GET, "/api/v1/registers/consents/scans/999999999", Permission.CONSENTS_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/consents/export", Permission.CONSENTS_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/consents/publications", Permission.CONSENTS_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/consents/publications", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.PUT, "/api/v1/registers/consents/publications/999999999", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.GET, "/api/v1/registers/consents/takedowns", Permission.CONSENTS_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/consents/takedowns/999999999/done", Permission.CONSENTS_RECORD),
            new Row(HttpMethod.GET, "/api/v1/registers/consents/takedown-days", Permission.CONSENTS_READ),
            new Row(HttpMethod.PUT, "/api/v1/registers/consents/takedown-days", Permission.CONSENTS_RECORD),
            // The devices and loans register (issue 18 section 3).
            new Row(HttpMethod.GET, "/registers/devices", Permission.DEVICES_READ),
            new Row(HttpMethod.POST, "/registers/devices", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/registers/devices/import", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.GET, "/registers/devices/export.csv", Permission.DEVICES_READ),
            new Row(HttpMethod.GET, "/registers/devices/999999999", Permission.DEVICES_READ),
            new Row(HttpMethod.POST, "/registers/devices/999999999", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/registers/devices/999999999/lend", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.GET, "/registers/devices/personal", Permission.DEVICES_READ),
            new Row(HttpMethod.POST, "/registers/devices/personal", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.GET, "/registers/devices/personal/999999999", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/registers/devices/personal/999999999", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/registers/devices/personal/999999999/remove", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.GET, "/registers/devices/personal/export.csv", Permission.DEVICES_READ),
            new Row(HttpMethod.GET, "/registers/devices/leavers", Permission.DEVICES_READ),
            new Row(HttpMethod.GET, "/registers/loans", Permission.DEVICES_READ),
            new Row(HttpMethod.GET, "/registers/loans/export.csv", Permission.DEVICES_READ),
            new Row(HttpMethod.GET, "/registers/loans/999999999", Permission.DEVICES_READ),
            new Row(HttpMethod.POST, "/registers/loans/999999999/return", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/registers/loans/999999999/return-request", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/registers/loans/999999999/loss", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/registers/devices", Permission.DEVICES_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/devices", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.PUT, "/api/v1/registers/devices/999999999", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/registers/devices/import", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/registers/devices/export", Permission.DEVICES_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/devices/personal", Permission.DEVICES_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/devices/personal", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/registers/devices/personal/999999999/remove", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.PUT, "/api/v1/registers/devices/personal/999999999", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/registers/devices/personal/export", Permission.DEVICES_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/loans", Permission.DEVICES_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/loans/overdue", Permission.DEVICES_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/loans", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/registers/loans/999999999/return", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/registers/loans/999999999/return-request", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/registers/loans/999999999/loss", Permission.DEVICES_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/registers/loans/export", Permission.DEVICES_READ),
            // The training register (issue 18 section 4).
            new Row(HttpMethod.GET, "/registers/training", Permission.TRAINING_READ),
            new Row(HttpMethod.GET, "/registers/training/export.csv", Permission.TRAINING_READ),
            new Row(HttpMethod.GET, "/registers/training/people/999999999", Permission.TRAINING_READ),
            new Row(HttpMethod.POST, "/registers/training/people/999999999/completions", Permission.TRAINING_RECORD),
            new Row(HttpMethod.GET, "/registers/training/completions/999999999/certificate", Permission.TRAINING_READ),
            new Row(HttpMethod.GET, "/registers/training/courses", Permission.TRAINING_READ),
            new Row(HttpMethod.POST, "/registers/training/courses", Permission.TRAINING_MANAGE),
            new Row(HttpMethod.POST, "/registers/training/courses/999999999", Permission.TRAINING_MANAGE),
            new Row(HttpMethod.GET, "/registers/training/starters", Permission.TRAINING_READ),
            new Row(HttpMethod.GET, "/registers/training/import", Permission.TRAINING_RECORD),
            new Row(HttpMethod.POST, "/registers/training/import", Permission.TRAINING_RECORD),
            new Row(HttpMethod.GET, "/api/v1/registers/training/overdue", Permission.TRAINING_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/training/due", Permission.TRAINING_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/training/courses", Permission.TRAINING_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/training/courses", Permission.TRAINING_MANAGE),
            new Row(HttpMethod.PUT, "/api/v1/registers/training/courses/999999999", Permission.TRAINING_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/registers/training/completions", Permission.TRAINING_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/training/completions", Permission.TRAINING_RECORD),
            new Row(HttpMethod.PUT, "/api/v1/registers/training/completions/999999999", Permission.TRAINING_RECORD),
            new Row(HttpMethod.POST, "/api/v1/registers/training/completions/import", Permission.TRAINING_RECORD),
            new Row(HttpMethod.GET, "/api/v1/registers/training/export", Permission.TRAINING_READ),
            // The cloud services and software licences registers (issue 18 section 5).
            new Row(HttpMethod.GET, "/registers/cloud", Permission.CLOUD_SERVICES_READ),
            new Row(HttpMethod.GET, "/registers/cloud/services.csv", Permission.CLOUD_SERVICES_READ),
            new Row(HttpMethod.POST, "/registers/cloud/requests", Permission.CLOUD_SERVICE_REQUEST),
            new Row(HttpMethod.GET, "/registers/cloud/999999999", Permission.CLOUD_SERVICES_READ),
            Row.anyOf(HttpMethod.POST, "/registers/cloud/999999999/approve", Permission.CLOUD_SERVICE_APPROVE_ICT,
                    Permission.CLOUD_SERVICE_APPROVE_SENIOR),
            Row.anyOf(HttpMethod.POST, "/registers/cloud/999999999/refuse", Permission.CLOUD_SERVICE_APPROVE_ICT,
                    Permission.CLOUD_SERVICE_APPROVE_SENIOR),
            new Row(HttpMethod.POST, "/registers/cloud/999999999/details", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.GET, "/registers/licences", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.GET, "/registers/licences/licences.csv", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.POST, "/registers/licences", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.POST, "/registers/licences/999999999", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/registers/cloud-services", Permission.CLOUD_SERVICES_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/cloud-services/requests", Permission.CLOUD_SERVICE_REQUEST),
            Row.anyOf(HttpMethod.POST, "/api/v1/registers/cloud-services/999999999/approve",
                    Permission.CLOUD_SERVICE_APPROVE_ICT, Permission.CLOUD_SERVICE_APPROVE_SENIOR),
            Row.anyOf(HttpMethod.POST, "/api/v1/registers/cloud-services/999999999/refuse",
                    Permission.CLOUD_SERVICE_APPROVE_ICT, Permission.CLOUD_SERVICE_APPROVE_SENIOR),
            new Row(HttpMethod.PUT, "/api/v1/registers/cloud-services/999999999", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/registers/cloud-services/export", Permission.CLOUD_SERVICES_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/licences", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/registers/licences/due-soon", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.POST, "/api/v1/registers/licences", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.PUT, "/api/v1/registers/licences/999999999", Permission.SOFTWARE_MANAGE),
            new Row(HttpMethod.GET, "/api/v1/registers/licences/export", Permission.SOFTWARE_MANAGE),
            // The annual filtering and monitoring review (issue 18 section 6): a senior leader starts and
            // signs as leader, a governor signs as governor; office staff do neither.
            new Row(HttpMethod.GET, "/registers/reviews", Permission.REVIEWS_READ),
            new Row(HttpMethod.GET, "/registers/evidence-pack", Permission.REVIEWS_READ),
            new Row(HttpMethod.GET, "/registers/reviews/export.csv", Permission.REVIEWS_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/reviews/export", Permission.REVIEWS_READ),
            new Row(HttpMethod.GET, "/registers/evidence-pack.pdf", Permission.REVIEWS_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/evidence-pack", Permission.REVIEWS_READ),
            new Row(HttpMethod.GET, "/registers/reviews/999999999", Permission.REVIEWS_READ),
            new Row(HttpMethod.POST, "/registers/reviews?schoolYear=2026", Permission.REVIEWS_LEAD),
            new Row(HttpMethod.POST, "/registers/reviews/999999999/answers", Permission.REVIEWS_LEAD),
            new Row(HttpMethod.POST, "/registers/reviews/999999999/sign?as=LEADER", Permission.REVIEWS_LEAD),
            new Row(HttpMethod.POST, "/registers/reviews/999999999/sign?as=GOVERNOR", Permission.REVIEWS_GOVERN),
            new Row(HttpMethod.GET, "/api/v1/registers/reviews", Permission.REVIEWS_READ),
            new Row(HttpMethod.GET, "/api/v1/registers/reviews/999999999", Permission.REVIEWS_READ),
            new Row(HttpMethod.POST, "/api/v1/registers/reviews", Permission.REVIEWS_LEAD),
            new Row(HttpMethod.PUT, "/api/v1/registers/reviews/999999999/answers", Permission.REVIEWS_LEAD),
            new Row(HttpMethod.POST, "/api/v1/registers/reviews/999999999/sign?as=LEADER", Permission.REVIEWS_LEAD),
            new Row(HttpMethod.POST, "/api/v1/registers/reviews/999999999/sign?as=GOVERNOR", Permission.REVIEWS_GOVERN),
            // Due this month: whoever may open some register's items (DueDates.opens), each then shown only those;
            // choosing when the weekly email goes is for those who keep the registers.
            Row.anyOf(HttpMethod.GET, "/registers/due", DUE_DATES_READERS),
            Row.anyOf(HttpMethod.GET, "/api/v1/registers/due", DUE_DATES_READERS),
            new Row(HttpMethod.POST, "/registers/due/email", Permission.DUE_MAIL_MANAGE),
            Row.anyOf(HttpMethod.GET, "/api/v1/registers/due/email", DUE_DATES_READERS),
            new Row(HttpMethod.PUT, "/api/v1/registers/due/email", Permission.DUE_MAIL_MANAGE),
            // The Registers page, the navigation's one link to them: anyone who may open a register.
            Row.anyOf(HttpMethod.GET, "/registers", Permission.AGREEMENTS_READ, Permission.CONSENTS_READ,
                    Permission.PHOTO_LIST_READ, Permission.DEVICES_READ, Permission.TRAINING_READ,
                    Permission.CLOUD_SERVICES_READ, Permission.SOFTWARE_MANAGE, Permission.REVIEWS_READ),
            Row.anyOf(HttpMethod.GET, "/api/v1/registers", Permission.AGREEMENTS_READ, Permission.CONSENTS_READ,
                    Permission.PHOTO_LIST_READ, Permission.DEVICES_READ, Permission.TRAINING_READ,
                    Permission.CLOUD_SERVICES_READ, Permission.SOFTWARE_MANAGE, Permission.REVIEWS_READ));

    /**
     * Pages anyone may open, signed in with any role or not at all: what Lantern monitors is told to
     * everyone it monitors (issue 17). Changing what they show (the policy) stays POLICY_EDIT's, above.
     */
    static final List<String> PUBLIC = List.of("/what-lantern-monitors");

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    DueThisMonth due;

    /** How the request proves who sent it: a signed-in session, or an API token (API endpoints only). */
    enum Channel { SESSION, TOKEN }

    static Stream<Arguments> cells() {
        return ROWS.stream().flatMap(row -> Arrays.stream(Role.values()).flatMap(role -> Stream.of(Channel.values())
                .filter(channel -> channel == Channel.SESSION || row.path().startsWith("/api/")
                        || row.path().startsWith("/actuator/"))
                .map(channel -> Arguments.of(row, role, channel, row.allows(role)))));
    }

    @ParameterizedTest(name = "{0} as {1} by {2}: allowed={3}")
    @MethodSource("cells")
    void roleReachesEndpointExactlyWhenItHasThePermission(Row row, Role role, Channel channel, boolean allowed)
            throws Exception {
        String username = "matrix." + role.name().toLowerCase();
        long id = accounts.idOf(username)
                .orElseGet(() -> accountService.create(username, "Matrix " + role, role, "matrix password 1", "test"));
        UsernamePasswordAuthenticationToken user = UsernamePasswordAuthenticationToken.authenticated(
                new AccountPrincipal(id, "matrix." + role.name().toLowerCase()), null,
                role.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList());

        int status = mvc.perform(channel == Channel.SESSION
                        ? request(row.method(), row.path()).with(authentication(user)).with(csrf())
                        : request(row.method(), row.path()).header("Authorization",
                                "Bearer " + tokens.create(username, "matrix", 1, "test").token()))
                .andReturn().getResponse().getStatus();

        assertAllowedExactly(status, allowed);
    }

    @Test
    void theDueThisMonthRowsNameEveryPermissionThatOpensARegistersDueDates() {
        assertThat(due.readers()).containsExactlyInAnyOrder(DUE_DATES_READERS);
    }

    static Stream<Arguments> publicCells() {
        return PUBLIC.stream().flatMap(path -> Stream.concat(Arrays.stream(Role.values()), Stream.of((Role) null))
                .map(role -> Arguments.of(path, role)));
    }

    @ParameterizedTest(name = "GET {0} as {1} (null: not signed in)")
    @MethodSource("publicCells")
    void publicPagesOpenToEveryRoleAndToNobodySignedIn(String path, Role role) throws Exception {
        var get = request(HttpMethod.GET, path);
        if (role != null) {
            String username = "matrix." + role.name().toLowerCase();
            long id = accounts.idOf(username)
                    .orElseGet(() -> accountService.create(username, "Matrix " + role, role, "matrix password 1", "test"));
            get.with(authentication(UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(id, username),
                    null, role.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList())));
        }

        assertThat(mvc.perform(get).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private static void assertAllowedExactly(int status, boolean allowed) {
        if (allowed) {
            assertThat(status).as("status").isNotIn(401, 403);
        } else {
            assertThat(status).as("status").isEqualTo(403);
        }
    }
}
