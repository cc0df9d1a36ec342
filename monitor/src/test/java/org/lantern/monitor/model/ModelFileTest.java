package org.lantern.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model as bytes: read back it reads every text as the trained one did, it leaves out whatever
 * identity terms are in force, and a file of another corpus version is passed over, never used.
 * The shipped file itself is checked against training in {@link RiskModelTest}.
 */
class ModelFileTest {

    private static RiskModel trained;
    private static byte[] bytes;

    @BeforeAll
    static void train() {
        List<LabelledText> corpus = RiskModel.corpus().subList(0, 2_000);
        trained = RiskModel.train(corpus, List.of("gay", "muslim women"), RiskModel.VERSION);
        bytes = ModelFile.write(trained);
    }

    @Test
    void aModelReadBackReadsEveryTextAsTheTrainedOneDid() {
        RiskModel read = ModelFile.read(bytes, trained.identityTerms()).orElseThrow();

        assertThat(read.keys()).isEqualTo(trained.keys());
        assertThat(read.weights()).isEqualTo(trained.weights());
        assertThat(read.bias()).isEqualTo(trained.bias());
        assertThat(read.version()).isEqualTo(trained.version());
        assertThat(read.texts()).isEqualTo(2_000);
        assertThat(read.threshold()).isEqualTo(RiskModel.THRESHOLD);
        for (String text : List.of("nobody would notice if i was gone", "kill all gay people", "volcano facts",
                "muslim women should die", "")) {
            char[] chars = RiskModel.matchingForm(text);
            assertThat(read.best(chars)).as(text).isEqualTo(trained.best(chars));
            assertThat(read.read(chars)).as(text).isEqualTo(trained.read(chars));
        }
    }

    @Test
    void aModelReadForMoreIdentityTermsLeavesThemOutAsAModelTrainedForThemWould() {
        RiskModel wider = ModelFile.read(bytes, Set.of("gay", "muslim women", "dyke", "two spirit")).orElseThrow();

        for (String frame : List.of("kill all %s", "%s should all die", "i hate %s so much", "am i %s")) {
            for (String term : List.of("dyke", "two spirit")) {
                char[] with = RiskModel.matchingForm(frame.formatted(term));
                char[] without = RiskModel.matchingForm(frame.formatted("").replaceAll(" +", " ").strip());
                assertThat(wider.best(with)).as(frame.formatted(term)).isEqualTo(wider.best(without));
            }
        }
        char[] ordinary = RiskModel.matchingForm("nobody would notice if i was gone");
        assertThat(wider.best(ordinary)).isEqualTo(trained.best(ordinary));
    }

    @Test
    void aModelOfAnotherCorpusVersionIsPassedOver() {
        byte[] older = ModelFile.write(RiskModel.train(RiskModel.corpus().subList(0, 50), List.of(), "2026.1.1"));

        assertThat(ModelFile.read(older, Set.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 40, 1_000, -1})
    void aFileCutShortIsABrokenBuildNotAModel(int keep) {
        byte[] cut = Arrays.copyOf(bytes, keep < 0 ? bytes.length - 1 : keep);

        assertThatThrownBy(() -> ModelFile.read(cut, trained.identityTerms())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bytesAfterTheModelOrAnotherLayoutAreABrokenBuild() {
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 4);
        byte[] other = bytes.clone();
        other[3] = 1;

        assertThatThrownBy(() -> ModelFile.read(longer, trained.identityTerms())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after");
        assertThatThrownBy(() -> ModelFile.read(other, trained.identityTerms())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("layout");
    }
}
