package org.lantern.server.dataprotection;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectAccessDeadlineTest {

    @Test
    void theDeadlineIsTheCorrespondingDayOfTheNextMonth() {
        assertThat(SubjectAccessDeadline.dueOn(LocalDate.of(2025, 3, 15), 0)).isEqualTo(LocalDate.of(2025, 4, 15));
    }

    @Test
    void aRequestOnTheThirtyFirstOfJanuaryIsDueOnTheLastDayOfFebruary() {
        assertThat(SubjectAccessDeadline.dueOn(LocalDate.of(2025, 1, 31), 0)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(SubjectAccessDeadline.dueOn(LocalDate.of(2024, 1, 31), 0)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void anExtensionCountsFurtherCalendarMonthsFromReceipt() {
        assertThat(SubjectAccessDeadline.dueOn(LocalDate.of(2025, 1, 31), 1)).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(SubjectAccessDeadline.dueOn(LocalDate.of(2025, 1, 31), 2)).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(SubjectAccessDeadline.dueOn(LocalDate.of(2024, 12, 31), 2)).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void noMoreThanTwoFurtherMonthsMayBeAdded() {
        assertThatThrownBy(() -> SubjectAccessDeadline.dueOn(LocalDate.of(2025, 1, 1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
