package org.lantern.server.registers.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A loan's status, overdue day and return countdown, and how serial numbers are compared, at fixed times. */
class LoanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final OffsetDateTime ASKED = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(loan(TODAY, null, null, null), "Out"),
                Arguments.of(loan(TODAY.minusDays(1), null, null, null), "Overdue"),
                Arguments.of(loan(TODAY.minusDays(1), null, ASKED.plusHours(72), null), "Return requested"),
                Arguments.of(loan(TODAY.minusDays(1), TODAY, null, null), "Returned"),
                Arguments.of(loan(TODAY.minusDays(1), null, null, LossKind.STOLEN), "Stolen"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("statuses")
    void statusSaysWhereTheLoanStands(Loan loan, String status) {
        assertThat(loan.status(TODAY)).isEqualTo(status);
        assertThat(loan.overdue(TODAY)).isEqualTo(status.equals("Overdue") || status.equals("Return requested"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-12-07T09:00:00Z, 3 days 0 hours 0 minutes left, false",
            "2026-12-09T08:30:00Z, 1 day 0 hours 30 minutes left, false",
            "2026-12-10T09:00:00Z, 0 minutes left, false",
            "2026-12-10T11:05:00Z, overdue by 2 hours 5 minutes, true"})
    void theReturnClockCountsDownSeventyTwoHours(String now, String words, boolean late) {
        Loan loan = loan(TODAY.plusDays(30), null, ASKED.plus(Loan.RETURN_WITHIN), null);
        assertThat(loan.returnCountdown(Instant.parse(now))).isEqualTo(words);
        assertThat(loan.returnLate(Instant.parse(now))).isEqualTo(late);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"pf-2x9k1, PF2X9K1", "' PF 2X9K1 ', PF2X9K1", "PF.2X/9K1, PF2X9K1", "C02XL0GHJG5J, C02XL0GHJG5J"})
    void serialNumbersAreComparedWithoutCaseSpacesOrDashes(String typed, String key) {
        assertThat(DeviceFields.serialKey(typed)).isEqualTo(key);
    }

    private static Loan loan(LocalDate due, LocalDate returned, OffsetDateTime returnDue, LossKind loss) {
        Device device = new Device(1, DeviceType.LAPTOP, "Lenovo", "100e", "PF1", "LT-1", null, DeviceState.ON_LOAN,
                "office", ASKED);
        return new Loan(1, device, 2, "Ann Smith", TODAY.minusDays(10), due, "Good", "Ann Smith", "office", returned,
                returned == null ? null : "Good", returned == null ? null : "office", returnDue == null ? null : ASKED,
                returnDue, loss, loss == null ? null : ASKED, null, loss == null ? null : false, null, null);
    }
}
