package org.lantern.server.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The on-call chain's timing, apart from the database so it can be tested against a clock: each
 * person told has the acknowledgement timeout to acknowledge, then the next on the list is told;
 * after the last, the chain ends unacknowledged. An acknowledgement stops it wherever it is.
 */
final class EscalationSchedule {

    /** What a chain should do now. */
    enum Action {
        /** The person told last still has time to acknowledge. */
        WAIT,
        /** Tell the person at {@link Move#step()}. */
        TELL_NEXT,
        /** Everyone on the list was told and no one acknowledged: stop, unacknowledged. */
        EXHAUSTED,
        /** Someone acknowledged: nothing more is sent. */
        STOPPED
    }

    /**
     * @param action what to do
     * @param step   for {@link Action#TELL_NEXT}, the position (from 0) of the person to tell;
     *               otherwise the step the chain is at
     */
    record Move(Action action, int step) {
    }

    private final Duration ackTimeout;
    private final Clock clock;

    EscalationSchedule(Duration ackTimeout, Clock clock) {
        this.ackTimeout = ackTimeout;
        this.clock = clock;
    }

    /** When the person told now must have acknowledged by, before the next is told. */
    Instant deadlineFromNow() {
        return clock.instant().plus(ackTimeout);
    }

    /**
     * @param step         the position of the person told last
     * @param deadline     when they must acknowledge by, or {@code null} when the chain has ended
     * @param acknowledged whether someone has acknowledged
     * @param listSize     how many people are on the list now
     * @return what to do now
     */
    Move move(int step, Instant deadline, boolean acknowledged, int listSize) {
        if (acknowledged) {
            return new Move(Action.STOPPED, step);
        }
        if (deadline == null || clock.instant().isBefore(deadline)) {
            return new Move(Action.WAIT, step);
        }
        return step + 1 < listSize ? new Move(Action.TELL_NEXT, step + 1) : new Move(Action.EXHAUSTED, step);
    }
}
