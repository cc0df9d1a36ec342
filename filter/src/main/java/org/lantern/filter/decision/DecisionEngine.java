package org.lantern.filter.decision;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The filter's single entry point for proxies (the squidGuard-compatible helper and the ICAP
 * server): {@link #decide(DecisionRequest)} turns a request into a {@link Decision}. It holds the
 * current {@link FilterSnapshot} and swaps it atomically when the policy, lists, directory,
 * exceptions or settings change, so each request is judged against one consistent snapshot and
 * updates never pause filtering. Thread-safe.
 */
public final class DecisionEngine {

    private final AtomicReference<FilterSnapshot> current;

    /** @param initial the snapshot in force until the first change */
    public DecisionEngine(FilterSnapshot initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /**
     * Judges one request against the snapshot in force.
     *
     * @param request the request
     * @return the decision; never {@code null}
     */
    public Decision decide(DecisionRequest request) {
        return current.get().decide(Objects.requireNonNull(request, "request"));
    }

    /** @return the snapshot in force */
    public FilterSnapshot snapshot() {
        return current.get();
    }

    /**
     * Puts a complete new snapshot in force.
     *
     * @param snapshot the new snapshot
     * @return the snapshot it replaced
     */
    public FilterSnapshot replace(FilterSnapshot snapshot) {
        return current.getAndSet(Objects.requireNonNull(snapshot, "snapshot"));
    }

    /**
     * Changes one input without losing a concurrent change to another, e.g. {@code
     * engine.update(s -> s.withExceptions(list))}. The function may run more than once under
     * contention, so it must have no side effects. If it throws, the snapshot in force stays.
     *
     * @param change derives the new snapshot from the one in force
     * @return the snapshot now in force
     */
    public FilterSnapshot update(UnaryOperator<FilterSnapshot> change) {
        Objects.requireNonNull(change, "change");
        return current.updateAndGet(s -> Objects.requireNonNull(change.apply(s), "change returned null"));
    }
}
