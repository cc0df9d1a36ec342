package org.lantern.proxy.icap;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for the ICAP server, so an operator can see refused and failed requests rather than
 * discover them from complaints. Thread-safe and cheap on the hot path (striped adders).
 */
public final class IcapStats {

    private final LongAdder connectionsAccepted = new LongAdder();
    private final LongAdder connectionsRefused = new LongAdder();
    private final AtomicInteger connectionsOpen = new AtomicInteger();
    private final LongAdder allowed = new LongAdder();
    private final LongAdder blocked = new LongAdder();
    private final LongAdder redirected = new LongAdder();
    private final LongAdder rewritten = new LongAdder();
    private final LongAdder deciderFailures = new LongAdder();
    // One counter per method rather than a map from its name: a map lookup on every request showed
    // in the ICAP server's profile, and the reader lets only these three methods through.
    private final LongAdder options = new LongAdder();
    private final LongAdder reqmods = new LongAdder();
    private final LongAdder respmods = new LongAdder();
    private final Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();

    /** Creates zeroed counters. */
    public IcapStats() {
    }

    void connectionOpened() {
        connectionsAccepted.increment();
        connectionsOpen.incrementAndGet();
    }

    void connectionClosed() {
        connectionsOpen.decrementAndGet();
    }

    void connectionRefused() {
        connectionsRefused.increment();
    }

    void request(String method) {
        LongAdder counter = counter(method);
        if (counter != null) {
            counter.increment();
        }
    }

    void verdict(IcapVerdict verdict) {
        switch (verdict) {
            case IcapVerdict.Allow a -> allowed.increment();
            case IcapVerdict.Block b -> blocked.increment();
            case IcapVerdict.Redirect r -> redirected.increment();
            case IcapVerdict.Rewrite w -> rewritten.increment();
        }
    }

    void deciderFailed() {
        deciderFailures.increment();
    }

    void error(int status) {
        errors.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** @return connections accepted since start */
    public long connectionsAccepted() {
        return connectionsAccepted.sum();
    }

    /** @return connections refused because the cap was reached */
    public long connectionsRefused() {
        return connectionsRefused.sum();
    }

    /** @return connections open now */
    public int connectionsOpen() {
        return connectionsOpen.get();
    }

    /** @return requests let through unchanged */
    public long allowed() {
        return allowed.sum();
    }

    /** @return requests answered with a block */
    public long blocked() {
        return blocked.sum();
    }

    /** @return requests answered with a redirect verdict */
    public long redirected() {
        return redirected.sum();
    }

    /** @return requests sent on to a rewritten URL */
    public long rewritten() {
        return rewritten.sum();
    }

    /** @return decisions that threw, each answered with a block */
    public long deciderFailures() {
        return deciderFailures.sum();
    }

    /**
     * @param method an ICAP method
     * @return well-formed requests read with that method
     */
    public long requests(String method) {
        LongAdder counter = counter(method);
        return counter == null ? 0 : counter.sum();
    }

    private LongAdder counter(String method) {
        return switch (method) {
            case "OPTIONS" -> options;
            case "REQMOD" -> reqmods;
            case "RESPMOD" -> respmods;
            default -> null;
        };
    }

    /**
     * @param status an ICAP error status, e.g. 400
     * @return requests answered with it
     */
    public long errors(int status) {
        LongAdder adder = errors.get(status);
        return adder == null ? 0 : adder.sum();
    }

    /** @return every error status answered, with its count, in status order */
    public Map<Integer, Long> errors() {
        Map<Integer, Long> out = new TreeMap<>();
        errors.forEach((status, adder) -> out.put(status, adder.sum()));
        return out;
    }

    @Override
    public String toString() {
        return "connections accepted=" + connectionsAccepted() + " refused=" + connectionsRefused()
                + " open=" + connectionsOpen() + "; allowed=" + allowed() + " blocked=" + blocked()
                + " redirected=" + redirected() + " rewritten=" + rewritten()
                + " deciderFailures=" + deciderFailures() + " errors=" + errors();
    }
}
