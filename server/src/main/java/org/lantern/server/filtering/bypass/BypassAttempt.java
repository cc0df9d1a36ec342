package org.lantern.server.filtering.bypass;

import java.time.Instant;

import org.lantern.filter.decision.Decision;
import org.lantern.server.filtering.SubjectPerson;

/**
 * One request that looked like an attempt to get round the filter, as the register keeps it: who,
 * from where, when, which host and why it counted, and what the filter did.
 *
 * @param at          when the request was made
 * @param personId    the person it was resolved to, or {@code null}
 * @param subjectName the name the filter judged it for (a person, or "unknown user")
 * @param proxyUser   the proxy user name, or {@code null}
 * @param clientIp    the client address, or {@code null}
 * @param host        the host asked for (the route round the filter)
 * @param category    the list category that made it a bypass route (e.g. {@code vpn}), or
 *                    {@code raw-ip} for an address given as a bare IP number
 * @param rule        the step of the decision procedure that settled it
 * @param action      what the proxy did (ALLOW, ALLOW_AND_LOG, BLOCK, BLOCK_AND_ALERT)
 */
public record BypassAttempt(Instant at, Long personId, String subjectName, String proxyUser, String clientIp,
                            String host, String category, String rule, String action) {

    /** The category shown for bare IP hosts that no list names. */
    public static final String RAW_IP = "raw-ip";

    /** The attempt a decision with {@link Decision#bypassAttempt()} describes. */
    static BypassAttempt of(Decision d) {
        String category = d.match() != null ? d.match().category()
                : d.request().url().hostIsIp() ? RAW_IP
                : d.policyCategory() != null ? d.policyCategory() : "unknown";
        return new BypassAttempt(d.request().at(), SubjectPerson.id(d.subject()), d.subject().displayName(),
                d.request().userName(), d.request().clientIp(), d.request().url().host(), category, d.rule().name(),
                d.action().name());
    }

    /** Whether the proxy let it through. */
    public boolean allowed() {
        return "ALLOW".equals(action) || "ALLOW_AND_LOG".equals(action);
    }

    /**
     * Who made it, as one key: the person when resolved, else the proxy user, else the device.
     * Persistent attempts are counted per key.
     */
    Who who() {
        if (personId != null) {
            return new Who(Who.Kind.PERSON, personId.toString());
        }
        if (proxyUser != null) {
            return new Who(Who.Kind.USER, proxyUser);
        }
        if (clientIp != null) {
            return new Who(Who.Kind.DEVICE, clientIp);
        }
        return new Who(Who.Kind.UNKNOWN, "");
    }

    /** One person, user or device attempts are counted for. */
    record Who(Kind kind, String value) {
        enum Kind { PERSON, USER, DEVICE, UNKNOWN }
    }
}
