package org.lantern.server.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.lantern.server.alerts.Alert;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.alerts.AlertStatus;
import org.lantern.server.dataprotection.Breach;
import org.lantern.server.dataprotection.BreachRegister;
import org.lantern.server.dataprotection.Countdown;
import org.lantern.server.dataprotection.SarStatus;
import org.lantern.server.dataprotection.SubjectAccessRequest;
import org.lantern.server.dataprotection.SubjectAccessRequests;
import org.lantern.server.identity.Permission;
import org.lantern.server.incidents.CaseWork;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the DSL's team has to do today, first on their dashboard: records nobody in the team has
 * opened (pupils' reports among them), actions due or overdue with their owners, cases with no
 * owner or due for review, and, for whoever keeps the registers, breaches still inside or past the
 * ICO's 72 hours and subject access requests due soon, and alerts nobody has taken into review.
 */
@Component
class TodayList {

    /** Subject access requests due within this many days are listed. */
    static final int REQUESTS_DUE_WITHIN_DAYS = 14;
    private static final int ALERTS_SHOWN = 10;

    private final CaseWork cases;
    private final BreachRegister breaches;
    private final SubjectAccessRequests requests;
    private final AlertRegister alerts;

    TodayList(CaseWork cases, BreachRegister breaches, SubjectAccessRequests requests, AlertRegister alerts) {
        this.cases = cases;
        this.breaches = breaches;
        this.requests = requests;
        this.alerts = alerts;
    }

    /**
     * A breach the ICO may still have to be told of.
     *
     * @param breach  the breach
     * @param left    the time left in words, or how long overdue
     * @param overdue whether the 72 hours have passed
     */
    public record BreachDue(Breach breach, String left, boolean overdue) {
    }

    /**
     * An open subject access request due soon or overdue.
     *
     * @param request  the request
     * @param daysLeft days to its deadline, negative when overdue
     */
    public record RequestDue(SubjectAccessRequest request, long daysLeft) {
    }

    /**
     * The list.
     *
     * @param work           the records' part
     * @param breaches       breaches awaiting a report to the ICO; empty without DATA_PROTECTION_MANAGE
     * @param requests       subject access requests due soon; empty without DATA_PROTECTION_MANAGE
     * @param alerts         the newest new alerts (nobody has taken them into review)
     * @param newAlerts      how many alerts are new
     * @param dataProtection whether the viewer keeps the data-protection registers
     */
    public record Today(CaseWork.Work work, List<BreachDue> breaches, List<RequestDue> requests, List<Alert> alerts,
                 long newAlerts, boolean dataProtection) {

        /** How many things there are to do. */
        public long count() {
            return work.unread().size() + work.actionsDue().size() + work.noOwner().size() + work.reviewsDue().size()
                    + breaches.size() + requests.size() + newAlerts;
        }

        public boolean empty() {
            return count() == 0;
        }
    }

    Today of(Authentication user) {
        Viewer viewer = Viewer.of(user);
        boolean dataProtection = holds(user, Permission.DATA_PROTECTION_MANAGE);
        Instant now = Instant.now();
        LocalDate today = People.today();
        List<BreachDue> breachesDue = !dataProtection ? List.of() : breaches.list().stream()
                .filter(Breach::awaitingReport)
                .map(b -> new BreachDue(b, Countdown.describe(b.remaining(now)), b.overdue(now))).toList();
        List<RequestDue> requestsDue = !dataProtection ? List.of() : requests.list().stream()
                .filter(r -> r.status() == SarStatus.OPEN)
                .map(r -> new RequestDue(r, ChronoUnit.DAYS.between(today, r.dueOn())))
                .filter(r -> r.daysLeft() <= REQUESTS_DUE_WITHIN_DAYS)
                .sorted((a, b) -> Long.compare(a.daysLeft(), b.daysLeft())).toList();
        List<Alert> newest = alerts.list(new AlertRegister.Query(AlertStatus.NEW, null, null, null, 0, ALERTS_SHOWN),
                viewer, Channel.LIST).alerts();
        return new Today(cases.today(viewer), breachesDue, requestsDue, newest, alerts.countNew(), dataProtection);
    }

    static boolean holds(Authentication user, Permission permission) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(permission.authority()));
    }
}
