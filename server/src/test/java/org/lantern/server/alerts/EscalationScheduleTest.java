package org.lantern.server.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.alerts.EscalationSchedule.Action;
import org.lantern.server.alerts.EscalationSchedule.Move;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The on-call chain's timing against a fixed clock: the person told has the timeout to acknowledge,
 * then the next is told, after the last the list starts again from the top until the rounds are
 * used up, and then the chain ends; an acknowledgement stops it anywhere.
 */
class EscalationScheduleTest {

    private static final Instant TOLD = Instant.parse("2026-12-05T22:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private static final int ROUNDS = 3;

    private static EscalationSchedule at(Instant now) {
        return new EscalationSchedule(TIMEOUT, ROUNDS, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void thePersonToldHasTheTimeoutToAcknowledge() {
        assertThat(at(TOLD).deadlineFromNow()).isEqualTo(TOLD.plus(TIMEOUT));
    }

    @ParameterizedTest(name = "{0} seconds after being told, step {1} round {2} of a list of {3}, acknowledged={4}: {5} {6} {7}")
    @CsvSource({
            // Within the timeout, including its last second: wait.
            "0, 0, 1, 3, false, WAIT, 0, 1",
            "899, 0, 1, 3, false, WAIT, 0, 1",
            // At and after the timeout: the next person, in the same round.
            "900, 0, 1, 3, false, TELL_NEXT, 1, 1",
            "3600, 1, 2, 3, false, TELL_NEXT, 2, 2",
            // The last person's timeout: round again from the top.
            "900, 2, 1, 3, false, TELL_NEXT, 0, 2",
            "900, 2, 2, 3, false, TELL_NEXT, 0, 3",
            // A list of one goes round to the same person.
            "900, 0, 1, 1, false, TELL_NEXT, 0, 2",
            // The last person of the last round: the chain ends.
            "900, 2, 3, 3, false, EXHAUSTED, 2, 3",
            "900, 0, 3, 1, false, EXHAUSTED, 0, 3",
            // The list shrank below the step reached: round again, or end in the last round.
            "900, 4, 1, 2, false, TELL_NEXT, 0, 2",
            "900, 4, 3, 2, false, EXHAUSTED, 4, 3",
            // Everyone was taken off the list: nothing to go round, so it ends.
            "900, 0, 1, 0, false, EXHAUSTED, 0, 1",
            // An acknowledgement stops it, before or after the timeout, in any round.
            "10, 0, 1, 3, true, STOPPED, 0, 1",
            "900, 1, 2, 3, true, STOPPED, 1, 2"})
    void movesOnOnlyAfterTheTimeoutGoesRoundAgainAndStopsWhenAcknowledged(long secondsLater, int step, int round,
                                                                          int listSize, boolean acknowledged,
                                                                          Action action, int nextStep, int nextRound) {
        Move move = at(TOLD.plusSeconds(secondsLater)).move(step, round, TOLD.plus(TIMEOUT), acknowledged, listSize);

        assertThat(move).isEqualTo(new Move(action, nextStep, nextRound));
    }

    @Test
    void oneRoundEndsAfterTheLastPersonAsBeforeRoundsWereKept() {
        EscalationSchedule once = new EscalationSchedule(TIMEOUT, 1, Clock.fixed(TOLD.plus(TIMEOUT), ZoneOffset.UTC));

        assertThat(once.move(2, 1, TOLD.plus(TIMEOUT), false, 3)).isEqualTo(new Move(Action.EXHAUSTED, 2, 1));
    }

    @Test
    void aChainThatHasEndedWaitsForNothing() {
        assertThat(at(TOLD.plus(Duration.ofDays(1))).move(2, 3, null, false, 3).action()).isEqualTo(Action.WAIT);
    }

    @Test
    void eachPersonGetsTheFullTimeoutFromWhenTheyWereTold() {
        Instant secondTold = TOLD.plus(TIMEOUT).plusSeconds(40);
        EscalationSchedule later = at(secondTold);

        assertThat(later.deadlineFromNow()).isEqualTo(secondTold.plus(TIMEOUT));
        assertThat(at(secondTold.plus(TIMEOUT).minusSeconds(1)).move(1, 1, later.deadlineFromNow(), false, 3).action())
                .isEqualTo(Action.WAIT);
    }
}
