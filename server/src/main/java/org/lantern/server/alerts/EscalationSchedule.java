package org.lantern.server.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The on-call chain's timing, apart from the database so it can be tested against a clock: each
 * person told has the acknowledgement timeout to acknowledge, then the next on the list is told;
 * after the last, the list is gone round again from the top, up to the set number of rounds, and
 * then the chain ends unacknowledged. An acknowledgement stops it wherever it is.
 */
final class EscalationSchedule {

    /** What a chain should do now. */
    enum Action {
        /** The person told last still has time to acknowledge. */
        WAIT,
        /** Tell the person at {@link Move#step()}, in round {@link Move#round()}. */
        TELL_NEXT,
        /** Everyone on the list was told in every round and no one acknowledged: stop, unacknowledged. */
        EXHAUSTED,
        /** Someone acknowledged: nothing more is sent. */
        STOPPED
    }

    /**
     * @param action what to do
     * @param step   for {@link Action#TELL_NEXT}, the position (from 0) of the person to tell;
     *               otherwise the step the chain is at
     * @param round  for {@link Action#TELL_NEXT}, the round (from 1) they are told in; otherwise the
     *               round the chain is on
     */
    record Move(Action action, int step, int round) {
    }

    private final Duration ackTimeout;
    private final int rounds;
    private final Clock clock;

    /**
     * @param rounds how many times the list is gone through before the chain ends, at least 1
     */
    EscalationSchedule(Duration ackTimeout, int rounds, Clock clock) {
        this.ackTimeout = ackTimeout;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** When the person told now must have acknowledged by, before the next is told. */
    Instant deadlineFromNow() {
        return clock.instant().plus(ackTimeout);
    }

    /**
     * @param step         the position of the person told last
     * @param round        the round they were told in, from 1
     * @param deadline     when they must acknowledge by, or {@code null} when the chain has ended
     * @param acknowledged whether someone has acknowledged
     * @param listSize     how many people are on the list now
     * @return what to do now
     */
    Move move(int step, int round, Instant deadline, boolean acknowledged, int listSize) {
        if (acknowledged) {
            return new Move(Action.STOPPED, step, round);
        }
        if (deadline == null || clock.instant().isBefore(deadline)) {
            return new Move(Action.WAIT, step, round);
        }
        if (step + 1 < listSize) {
            return new Move(Action.TELL_NEXT, step + 1, round);
        }
        return round < rounds && listSize > 0 ? new Move(Action.TELL_NEXT, 0, round + 1)
                : new Move(Action.EXHAUSTED, step, round);
    }
}
