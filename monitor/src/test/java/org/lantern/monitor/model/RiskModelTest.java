package org.lantern.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.library.PhraseLibrary;

/**
 * The risk model on its own: the shipped corpus it learns from, training that always gives the
 * same model, identity words that can never add to a score, and readings that explain themselves
 * with words of the text. How well it reads is measured by the evaluation benchmark, not here.
 */
class RiskModelTest {

    private static List<PhraseLibrary> libraries;
    private static List<String> identityTerms;
    private static RiskModel model;

    @BeforeAll
    static void train() {
        libraries = CuratedLibraries.load();
        identityTerms = RiskModel.identityTerms(libraries);
        model = RiskModel.curated(libraries);
    }

    @Test
    void theShippedCorpusCoversEveryCategoryButIllegalInTheNineLanguages() {
        List<LabelledText> corpus = RiskModel.corpus();

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(2_000);
        Set<Category> actNow = corpus.stream().filter(LabelledText::actNow).flatMap(t -> t.expectedCategories().stream())
                .collect(Collectors.toSet());
        assertThat(actNow).containsExactlyInAnyOrderElementsOf(RiskModel.CATEGORIES);
        assertThat(corpus).noneMatch(t -> t.expectedCategories().contains(Category.ILLEGAL));
        Map<String, Long> languages = corpus.stream().collect(Collectors.groupingBy(LabelledText::language, Collectors.counting()));
        for (String language : Arrays.asList("en", "fr", "de", "es", "pl", "pt", "it", "ar", "ur")) {
            assertThat(languages.getOrDefault(language, 0L)).as(language).isGreaterThanOrEqualTo(50);
        }
        assertThat(corpus.stream().filter(t -> t.kind() == LabelledText.Kind.BENIGN_LOOKALIKE).count())
                .as("benign texts teach the model what is not risk").isGreaterThanOrEqualTo(1_000);
        assertThat(corpus.stream().map(t -> RiskModel.matchingForm(t.text())).map(String::new).distinct().count())
                .as("no text twice").isEqualTo(corpus.size());
    }

    @Test
    void theActNowEstimateAloneIsTheOneTheWholeReadingGives() {
        // the act-now weights kept beside the hashes are the rows' own: the two readings agree
        // over every corpus text, to the bits the whole reading keeps of the estimate
        for (LabelledText text : RiskModel.corpus()) {
            char[] chars = RiskModel.matchingForm(text.text());
            long best = model.best(chars);
            long alone = best == 0 ? 0 : Double.doubleToLongBits(model.actNow(chars)) >>> 8 << 8;
            assertThat(alone).as(text.text()).isEqualTo(best >>> 8 << 8);
        }
    }

    @Test
    void theSameCorpusAlwaysGivesTheSameModelWhichIsTheOneBuiltWithLantern() {
        RiskModel again = RiskModel.train(RiskModel.corpus(), identityTerms, "again");

        assertThat(ModelFile.shipped(model.identityTerms())).as("the build trained the model").isPresent();
        assertThat(again.keys()).isEqualTo(model.keys());
        assertThat(again.weights()).isEqualTo(model.weights());
        assertThat(again.bias()).isEqualTo(model.bias());
        assertThat(model.texts()).isEqualTo(RiskModel.corpus().size());
        for (String text : List.of("nobody would notice if i was gone", "volcano facts", "he keeps asking for pics",
                "je veux plus vivre", "where can i get a blade")) {
            char[] chars = RiskModel.matchingForm(text);
            assertThat(again.best(chars)).as(text).isEqualTo(model.best(chars));
        }
    }

    @Test
    void librariesWithMoreIdentityTermsAreServedByTheBuiltModelLeavingThemOut() {
        List<String> more = new ArrayList<>(identityTerms);
        more.add("two spirit");

        RiskModel wider = RiskModel.curated(more);

        assertThat(wider.weights()).isEqualTo(model.weights());
        assertThat(wider.best(RiskModel.matchingForm("kill all two spirit"))).isEqualTo(wider.best(RiskModel.matchingForm("kill all")));
        assertThat(RiskModel.curated(libraries).identityTerms()).isEqualTo(model.identityTerms());
    }

    @Test
    void anIdentityWordNeverAddsToAScore() {
        for (String term : identityTerms) {
            assertThat(model.best(RiskModel.matchingForm(term))).as("%s alone is not read at all", term).isZero();
            for (String frame : List.of("kill all %s", "i hate %s so much", "%s should all die", "my best friend is %s",
                    "%s near me")) {
                char[] with = RiskModel.matchingForm(frame.formatted(term));
                char[] without = RiskModel.matchingForm(frame.formatted("").replaceAll(" +", " ").strip());
                assertThat(model.best(with)).as(frame.formatted(term)).isEqualTo(model.best(without));
            }
        }
    }

    @Test
    void aReadingNamesItsCategoryAndTheWordsOfTheTextThatWeighedMost() {
        String text = "i cant do this anymore, everyone would be better off if i just disappeared for good";
        char[] chars = RiskModel.matchingForm(text);

        Reading reading = model.read(chars).orElseThrow();

        assertThat(reading.category()).isEqualTo(Category.SUICIDE);
        assertThat(reading.probability()).isBetween(RiskModel.THRESHOLD, 1.0);
        assertThat(reading.words()).isNotEmpty().hasSizeLessThanOrEqualTo(3)
                .allSatisfy(w -> assertThat(new String(chars)).contains(w));
        assertThat(reading.explanation()).isEqualTo(String.join(" + ", reading.words()));
        assertThat(reading.spans()).hasSameSizeAs(reading.words());
        for (int i = 0; i < reading.spans().size(); i++) {
            Reading.Span span = reading.spans().get(i);
            assertThat(new String(chars, span.begin(), span.end() - span.begin())).isEqualTo(reading.words().get(i));
            for (Reading.Span other : reading.spans().subList(i + 1, reading.spans().size())) {
                assertThat(span.end() <= other.begin() || other.end() <= span.begin()).as("parts overlap").isTrue();
            }
        }
    }

    @Test
    void aSchoolsExclusionStopsAReadingOfItsCategoryInItsWordsOnly() {
        String text = "i cant do this anymore, everyone would be better off if i just disappeared for good";
        RiskModel excluded = model.excluding(List.of(new RiskModel.Exclusion(Category.SUICIDE, "Better off if I just DISAPPEARED")));
        RiskModel otherCategory = model.excluding(List.of(new RiskModel.Exclusion(Category.BULLYING, "better off if i just disappeared")));

        assertThat(excluded.read(RiskModel.matchingForm(text))).isEmpty();
        assertThat(excluded.read(RiskModel.matchingForm("i cant do this anymore, everyone would be better off without me")))
                .isEqualTo(model.read(RiskModel.matchingForm("i cant do this anymore, everyone would be better off without me")));
        assertThat(otherCategory.read(RiskModel.matchingForm(text))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"volcano facts", "how to draw a cat", "year 6 sats revision", "football scores",
        "what time does the canteen open", "romans homework", ""})
    void ordinarySearchesAreNotRead(String text) {
        assertThat(model.read(RiskModel.matchingForm(text))).isEmpty();
    }

    @Test
    void aTextOfManyThousandWordsIsReadUpToItsCap() {
        String huge = "i am so tired of revising ".repeat(20_000);

        assertThat(model.best(RiskModel.matchingForm(huge))).isNotNegative();
        assertThat(Features.MAX_WORDS).isLessThan(huge.split(" ").length);
    }
}
