package org.lantern.monitor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.model.LabelledText;
import org.lantern.monitor.model.RiskModel;

/**
 * The threshold's rule on rows small enough to read, and cross-validation on a slice of the
 * corpus: every text scored once, and a higher threshold never finding more.
 */
class ModelThresholdTest {

    private static ModelThreshold.Row row(double threshold, int lookalikesAlerted) {
        return new ModelThreshold.Row(threshold, new Ratio(80, 100), new Ratio(lookalikesAlerted, 200), new Ratio(0, 10));
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(List.of(row(0.6, 14), row(0.7, 10), row(0.8, 6)), Optional.of(0.7)),
                Arguments.of(List.of(row(0.8, 6), row(0.6, 9), row(0.7, 10)), Optional.of(0.6)),
                Arguments.of(List.of(row(0.6, 11), row(0.7, 11)), Optional.empty()),
                Arguments.of(List.of(new ModelThreshold.Row(0.5, new Ratio(0, 0), new Ratio(0, 0), new Ratio(0, 0))),
                        Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theChoiceIsTheLowestThresholdKeepingLookalikesAtOrUnderFivePercent(List<ModelThreshold.Row> rows,
            Optional<Double> chosen) {
        assertThat(ModelThreshold.choose(rows)).isEqualTo(chosen);
    }

    @Test
    void crossValidationScoresEveryTextOnceAndAHigherThresholdNeverFindsMore() {
        List<LabelledText> slice = RiskModel.corpus().subList(0, 3_000);
        long actNow = slice.stream().filter(LabelledText::actNow).count();
        long lookalikes = slice.stream().filter(t -> t.kind() == LabelledText.Kind.BENIGN_LOOKALIKE).count();

        List<ModelThreshold.Row> rows = ModelThreshold.crossValidate(slice, CuratedLibraries.load(), List.of(0.5, 0.7, 0.9), 2);

        assertThat(rows).extracting(ModelThreshold.Row::threshold).containsExactly(0.5, 0.7, 0.9);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.actNow().of()).isEqualTo(actNow);
            assertThat(r.benignAlerts().of()).isEqualTo(lookalikes);
        });
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).actNow().count()).isLessThanOrEqualTo(rows.get(i - 1).actNow().count());
            assertThat(rows.get(i).benignAlerts().count()).isLessThanOrEqualTo(rows.get(i - 1).benignAlerts().count());
        }
        assertThat(rows.getFirst().actNow().count()).isGreaterThan(rows.getLast().actNow().count());
    }

    @Test
    void theThresholdsTriedIncludeTheHundredthsAroundTheShippedOne() {
        assertThat(ModelThreshold.THRESHOLDS).isSorted().doesNotHaveDuplicates().contains(0.5, 0.7, 0.71, 0.72, 0.75, 0.8, 0.9)
                .contains(RiskModel.THRESHOLD);
    }
}
