package org.lantern.server.incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits how many pupils' reports one sender may send in a window, so the public form cannot flood
 * the DSL's queue. A sender is a signed-in account, or the network address of a report made without
 * signing in. Keys are held in memory only, for at most one window, and never written anywhere: an
 * anonymous report stays anonymous. The map is bounded; when full, the
 * address seen least recently is forgotten.
 */
@Component
class ConcernThrottle {

    private static final int MAX_ADDRESSES = 10_000;

    private final IncidentRules.ConcernReportLimit limit;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    @Autowired
    ConcernThrottle(IncidentRules rules) {
        this(rules.concernReports(), Clock.systemUTC());
    }

    ConcernThrottle(IncidentRules.ConcernReportLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Whether one more report from this sender would be within the limit. */
    synchronized boolean allows(String address) {
        return recentTimes(address).size() < limit.perAddress();
    }

    /** Counts a report stored from this sender. Only stored reports count, so fixing a mistake costs nothing. */
    synchronized void record(String address) {
        recentTimes(address).addLast(clock.instant());
    }

    private Deque<Instant> recentTimes(String address) {
        Instant since = clock.instant().minus(limit.window());
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
        }
        return times;
    }

    /** How long the window is, in minutes, for the message a throttled pupil sees. */
    long windowMinutes() {
        return limit.window().toMinutes();
    }
}
