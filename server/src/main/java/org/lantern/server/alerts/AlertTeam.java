package org.lantern.server.alerts;

import java.util.List;
import java.util.Optional;

import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.AccountService.AccountSummary;
import org.lantern.server.identity.Permission;
import org.springframework.stereotype.Component;

/**
 * The DSL's team, to whom an alert may be assigned: every enabled account whose role works
 * safeguarding records ({@link Permission#INCIDENT_MANAGE}: the DSL and deputies). Taken from the
 * role model rather than a list of role names, so the team changes with the roles.
 */
@Component
class AlertTeam {

    private final AccountService accounts;

    AlertTeam(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The members, by username. */
    List<AccountSummary> members() {
        return accounts.list().stream().filter(a -> a.enabled() && a.role().can(Permission.INCIDENT_MANAGE)).toList();
    }

    /** The member with this account id, if there is one. */
    Optional<AccountSummary> member(long accountId) {
        return members().stream().filter(a -> a.id() == accountId).findFirst();
    }
}
