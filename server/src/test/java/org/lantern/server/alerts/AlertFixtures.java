package org.lantern.server.alerts;

import java.time.Instant;

import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.decision.Subject;
import org.lantern.filter.match.ListId;
import org.lantern.filter.match.Match;
import org.lantern.filter.match.MatchKind;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.policy.Level;
import org.lantern.server.filtering.FilterAlert;

/** Alerts as the filter raises them. */
public final class AlertFixtures {

    private AlertFixtures() {
    }

    /** A request on an illegal-content list, as the engine decides it, for a resolved person. */
    public static FilterAlert illegal(String url, Long personId, String name, String user, String ip, Instant at) {
        DecisionRequest request;
        try {
            request = DecisionRequest.of(url, "GET", user, ip, at);
        } catch (MalformedUrlException e) {
            throw new IllegalArgumentException(e);
        }
        Match match = new Match(new ListId("iwf-child-abuse", "iwf"), request.url().host() + "/", MatchKind.URL);
        return new FilterAlert(new Decision(request, Action.BLOCK_AND_ALERT, Rule.ILLEGAL_LIST,
                "This page is blocked because it is on a list of illegal content.", match, null, null,
                Level.UNACCEPTABLE_AND_ILLEGAL, null, 3,
                new Subject(personId == null ? null : personId.toString(), name, "pupils", true), null, null, false));
    }

    /** A request in a category the policy marks illegal. */
    static FilterAlert illegalCategory(String url, Long personId, String name, Instant at) {
        FilterAlert alert = illegal(url, personId, name, null, "10.0.0.5", at);
        Decision d = alert.decision();
        return new FilterAlert(new Decision(d.request(), d.action(), Rule.ILLEGAL_CATEGORY, d.reason(),
                new Match(new ListId("extremism", "ut1"), d.request().url().host(), MatchKind.DOMAIN), "extremism",
                null, d.level(), null, d.policyVersion(), d.subject(), null, null, true));
    }
}
