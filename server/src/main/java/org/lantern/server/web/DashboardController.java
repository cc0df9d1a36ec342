package org.lantern.server.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.lantern.server.alerts.AlertOutbox;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.alerts.FalsePositiveShares;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.identity.LogonAudit;
import org.lantern.server.identity.LogonOutcome;
import org.lantern.server.identity.Permission;
import org.lantern.server.people.People;
import org.lantern.server.people.PersonKind;
import org.lantern.server.policy.PolicyService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first page after sign-in. Each role sees what it is responsible for: the network manager
 * and DSL the failed sign-ins and access removals to look into, the network manager which category
 * lists filter (or that none do), leaders the policy in force and its changes, pupils how to get
 * help; the DSL's team opens on what needs doing today ({@link TodayList}); those who search the
 * activity log see today's requests and blocks and the week's most blocked categories
 * ({@link ActivityTiles}); those who read alerts, the share closed as false positives
 * ({@link FalsePositiveShares}). Only what the user's permissions allow is gathered.
 */
@Controller
class DashboardController {

    private static final int RECENT = 5;

    private final People people;
    private final PolicyService policies;
    private final LogonAudit logons;
    private final AlertRegister alerts;
    private final AlertOutbox alertEmail;
    private final FilterService filter;
    private final TodayList today;
    private final ActivityTiles activity;
    private final FalsePositiveShares falsePositives;

    DashboardController(People people, PolicyService policies, LogonAudit logons, AlertRegister alerts,
                        AlertOutbox alertEmail, FilterService filter, TodayList today, ActivityTiles activity,
                        FalsePositiveShares falsePositives) {
        this.falsePositives = falsePositives;
        this.activity = activity;
        this.filter = filter;
        this.people = people;
        this.policies = policies;
        this.logons = logons;
        this.alerts = alerts;
        this.alertEmail = alertEmail;
        this.today = today;
    }

    @GetMapping("/")
    @PreAuthorize("hasAuthority('DASHBOARD')")
    String dashboard(Authentication user, Model model) {
        model.addAttribute("username", user.getName());
        if (has(user, Permission.INCIDENT_MANAGE)) {
            model.addAttribute("today", today.of(user));
        }
        if (has(user, Permission.POLICY_READ)) {
            policies.current().ifPresent(version -> model.addAttribute("policyVersion", version));
        }
        if (has(user, Permission.REPORTS_ANONYMISED) || has(user, Permission.POLICY_EDIT)) {
            policies.reviewOverdue().ifPresent(review -> model.addAttribute("policyReview", review));
        }
        if (has(user, Permission.PEOPLE_READ)) {
            model.addAttribute("pupils", count(PersonKind.PUPIL));
            model.addAttribute("staff", count(PersonKind.STAFF));
            model.addAttribute("removals", people.accessRemovedNow(RECENT));
        }
        if (has(user, Permission.LOGON_HISTORY_READ)) {
            model.addAttribute("failedLogons", failedLogons());
        }
        if (has(user, Permission.FILTER_MANAGE)) {
            // A filter running without category lists lets almost everything through: say so where it is seen.
            model.addAttribute("categoryLists", filter.categoryListStatus());
        }
        if (has(user, Permission.INCIDENT_READ_ALL)) {
            model.addAttribute("newAlerts", alerts.countNew());
            model.addAttribute("alertEmailOn", alertEmail.enabled());
            model.addAttribute("falsePositives", falsePositives.of(Instant.now()));
        }
        if (has(user, Permission.ACTIVITY_READ) || has(user, Permission.ACTIVITY_READ_TECHNICAL)) {
            LocalDate day = People.today();
            model.addAttribute("activityToday", activity.today(day));
            model.addAttribute("blockedThisWeek", activity.blockedThisWeek(day));
        }
        return "dashboard";
    }

    private long count(PersonKind kind) {
        return people.search(null, kind, null, 0, 1).total();
    }

    private List<LogonAudit.LogonAttempt> failedLogons() {
        return logons.search(null, LogonOutcome.BAD_PASSWORD, RECENT, 0);
    }

    private static boolean has(Authentication user, Permission permission) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(permission.authority()));
    }
}
