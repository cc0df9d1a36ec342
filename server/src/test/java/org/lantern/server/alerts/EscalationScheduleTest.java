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
 * then the next is told, and after the last the chain ends; an acknowledgement stops it anywhere.
 */
class EscalationScheduleTest {

    private static final Instant TOLD = Instant.parse("2026-12-05T22:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private static EscalationSchedule at(Instant now) {
        return new EscalationSchedule(TIMEOUT, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void thePersonToldHasTheTimeoutToAcknowledge() {
        assertThat(at(TOLD).deadlineFromNow()).isEqualTo(TOLD.plus(TIMEOUT));
    }

    @ParameterizedTest(name = "{0} seconds after being told, step {1} of {2}, acknowledged={3}: {4} {5}")
    @CsvSource({
            // Within the timeout, including its last second: wait.
            "0, 0, 3, false, WAIT, 0",
            "899, 0, 3, false, WAIT, 0",
            // At and after the timeout: the next person.
            "900, 0, 3, false, TELL_NEXT, 1",
            "3600, 1, 3, false, TELL_NEXT, 2",
            // The last person's timeout: the chain ends.
            "900, 2, 3, false, EXHAUSTED, 2",
            // The list shrank below the step reached: ends too.
            "900, 4, 2, false, EXHAUSTED, 4",
            // An acknowledgement stops it, before or after the timeout.
            "10, 0, 3, true, STOPPED, 0",
            "900, 1, 3, true, STOPPED, 1"})
    void movesOnOnlyAfterTheTimeoutAndStopsWhenAcknowledged(long secondsLater, int step, int listSize,
                                                            boolean acknowledged, Action action, int nextStep) {
        Move move = at(TOLD.plusSeconds(secondsLater)).move(step, TOLD.plus(TIMEOUT), acknowledged, listSize);

        assertThat(move).isEqualTo(new Move(action, nextStep));
    }

    @Test
    void aChainThatHasEndedWaitsForNothing() {
        assertThat(at(TOLD.plus(Duration.ofDays(1))).move(2, null, false, 3).action()).isEqualTo(Action.WAIT);
    }

    @Test
    void eachPersonGetsTheFullTimeoutFromWhenTheyWereTold() {
        Instant secondTold = TOLD.plus(TIMEOUT).plusSeconds(40);
        EscalationSchedule later = at(secondTold);

        assertThat(later.deadlineFromNow()).isEqualTo(secondTold.plus(TIMEOUT));
        assertThat(at(secondTold.plus(TIMEOUT).minusSeconds(1)).move(1, later.deadlineFromNow(), false, 3).action())
                .isEqualTo(Action.WAIT);
    }
}
