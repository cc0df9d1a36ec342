package org.lantern.proxy.icap;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionEngine;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.Rule;
import org.lantern.filter.url.MalformedUrlException;

/**
 * The ICAP server's decider over the school's full {@link DecisionEngine}: the policy in force,
 * the category and illegal-content lists, the people directory and the temporary unblocks.
 * A block carries the decision's plain-English reason and policy category for the block page; a
 * SafeSearch rewrite becomes an ICAP rewrite, as does a YouTube request (restricted mode through
 * the {@link YouTubeRestrict} header); a person the network gate holds is redirected to the
 * acceptable-use agreement page; everything else passes. An address that cannot be
 * parsed cannot be checked, so it is blocked. Each decision is also handed to an observer (the
 * server logs every one and raises alerts), which must not throw.
 */
public final class EngineDecider implements IcapDecider {

    /** Shown when the proxy sends an address the normaliser refuses. */
    public static final String UNREADABLE = "This page is blocked because its address could not be read, so it cannot be checked.";

    private final DecisionEngine engine;
    private final Clock clock;
    private final Consumer<Decision> observer;

    /**
     * @param engine the engine whose snapshot in force judges each request
     * @param clock the time each request is judged at (time windows depend on it)
     * @param observer called with every decision made, e.g. to log it
     */
    public EngineDecider(DecisionEngine engine, Clock clock, Consumer<Decision> observer) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** @param engine the engine; decisions are judged at the system time and not observed */
    public EngineDecider(DecisionEngine engine) {
        this(engine, Clock.systemUTC(), decision -> { });
    }

    @Override
    public IcapVerdict decide(String url, String method, String user, String clientIp) {
        DecisionRequest request;
        try {
            // The ICAP server reports a missing user or address as empty; the engine expects null.
            request = DecisionRequest.of(url, method, blankToNull(user), blankToNull(clientIp), clock.instant());
        } catch (MalformedUrlException e) {
            return new IcapVerdict.Block(UNREADABLE, "");
        }
        Decision decision = engine.decide(request);
        observer.accept(decision);
        return verdict(decision);
    }

    /**
     * @param decision a decision of the engine
     * @return what the ICAP server must do to enforce it
     */
    public static IcapVerdict verdict(Decision decision) {
        if (decision.rule() == Rule.AGREEMENT_REQUIRED && decision.rewriteUrl() != null) {
            return new IcapVerdict.Redirect(decision.rewriteUrl());
        }
        return switch (decision.action()) {
            case BLOCK, BLOCK_AND_ALERT -> new IcapVerdict.Block(decision.reason(),
                    decision.policyCategory() != null ? decision.policyCategory()
                            : decision.match() != null ? decision.match().category() : "");
            case ALLOW, ALLOW_AND_LOG -> YouTubeRestrict.allowed(decision.rewriteUrl(), decision.request().url(),
                    decision.request().connect());
        };
    }

    /** @return the engine's snapshot in force: a new one whenever policy, lists or people change */
    @Override
    public Object generation() {
        return engine.snapshot();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
