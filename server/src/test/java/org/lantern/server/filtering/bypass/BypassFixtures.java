package org.lantern.server.filtering.bypass;

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

/** Bypass decisions as the engine makes them. */
final class BypassFixtures {

    private BypassFixtures() {
    }

    /** A blocked request to a host on the {@code vpn} list, for a resolved person. */
    static Decision vpn(String host, Long personId, String name, String user, String ip, Instant at) {
        DecisionRequest request = request("https://" + host + "/", user, ip, at);
        return new Decision(request, Action.BLOCK, Rule.POLICY, "Blocked: VPN.",
                new Match(new ListId("vpn", "ut1"), host, MatchKind.DOMAIN), "vpn", "bypass-filtering", null, null, 2,
                new Subject(personId == null ? null : personId.toString(), name, "pupils", true), null, null, true);
    }

    /** An allowed, logged request to a bare IP address by an unresolved device. */
    static Decision rawIp(String ip, String clientIp, Instant at) {
        DecisionRequest request = request("http://" + ip + "/", null, clientIp, at);
        return new Decision(request, Action.ALLOW_AND_LOG, Rule.RAW_IP, "Allowed, and logged.", null, null, null, null,
                null, 2, Subject.unknown("visitors"), null, null, true);
    }

    private static DecisionRequest request(String url, String user, String ip, Instant at) {
        try {
            return DecisionRequest.of(url, "GET", user, ip, at);
        } catch (MalformedUrlException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
