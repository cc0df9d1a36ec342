package org.lantern.monitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.model.RiskModel;

/**
 * The matcher with the risk model: the model's reading is one more match that explains itself,
 * asked for only where the phrases put a pupil's text below act-now, never for staff, never over a
 * help-seeking phrase, and never for an identity on its own.
 */
class ModelMatchTest {

    /** No phrase of the libraries is in it, and a DSL would act on it now. */
    private static final String UNSAID = "i cant do this anymore, everyone would be better off if i just disappeared for good";

    private static PhraseMatcher phrases;
    private static PhraseMatcher withModel;
    private static RiskModel model;

    @BeforeAll
    static void build() {
        List<PhraseLibrary> libraries = CuratedLibraries.load();
        model = RiskModel.curated(libraries);
        phrases = PhraseMatcher.build(libraries);
        withModel = PhraseMatcher.build(libraries, model);
    }

    @Test
    void aTextNoPhraseFindsIsReadAsOneToActOnAndExplained() {
        assertThat(phrases.classify(UNSAID, AgeBand.KS3).level()).isLessThan(4);

        Classification c = withModel.classify(UNSAID, AgeBand.KS3);

        assertThat(c.level()).isEqualTo(4);
        Match m = c.matches().getLast();
        assertThat(m.category()).isEqualTo(Category.SUICIDE);
        assertThat(m.library()).isEqualTo(RiskModel.NAME);
        assertThat(m.libraryVersion()).isEqualTo(RiskModel.VERSION);
        assertThat(m.libraryLine()).isZero();
        assertThat(m.rule()).matches("model:0\\.\\d\\d|model:1\\.00");
        assertThat(m.level()).isEqualTo(4);
        assertThat(m.helpSeeking()).isFalse();
        assertThat(UNSAID).contains(m.original());
        assertThat(m.phrase().split(" \\+ ")).as("the parts as written").allSatisfy(part -> assertThat(UNSAID).contains(part));
        assertThat(m.normalised().split(" \\+ ")).hasSameSizeAs(m.phrase().split(" \\+ "));
        assertThat(withModel.findsNothing(UNSAID)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = AgeBand.class, names = "STAFF", mode = EnumSource.Mode.EXCLUDE)
    void readsForEveryPupil(AgeBand band) {
        assertThat(withModel.classify(UNSAID, band).matches()).anyMatch(m -> m.library().equals(RiskModel.NAME));
    }

    @Test
    void whatIsNotLanguageIsLeftToThePhrases() {
        assertThat(withModel.classify(UNSAID, AgeBand.KS3, false).matches()).noneMatch(m -> m.library().equals(RiskModel.NAME));
    }

    @Test
    void aStaffMembersTextIsResearchAndNotRead() {
        assertThat(withModel.classify(UNSAID, AgeBand.STAFF).matches()).noneMatch(m -> m.library().equals(RiskModel.NAME));
    }

    @Test
    void aTextThePhrasesAlreadyPutAtActNowKeepsTheirExplanationAlone() {
        Classification c = withModel.classify("i want to kill myself", AgeBand.KS3);

        assertThat(c.level()).isEqualTo(5);
        assertThat(c.matches()).noneMatch(m -> m.library().equals(RiskModel.NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"how to help a friend who self harms", "childline number", "samaritans phone number"})
    void aHelpSeekingTextIsLeftToItsPhrases(String text) {
        Classification c = withModel.classify(text, AgeBand.KS3);

        assertThat(c.helpSeeking()).isTrue();
        assertThat(c.matches()).noneMatch(m -> m.library().equals(RiskModel.NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"am i gay", "how do i tell my mum im trans", "mosque near me", "what do sikhs believe",
        "coming out at school", "am i bisexual or just confused", "is it normal to be lesbian at 13",
        "going to the mosque with my dad after school for jummah", "can school stop me wearing a hijab",
        "where can i pray at school", "soy latina y estoy orgullosa", "jestem muzułmanką i noszę hidżab"})
    void anIdentityAloneIsNeverAnAlert(String text) {
        assertThat(withModel.classify(text, AgeBand.KS3).level()).isLessThan(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"volcano facts", "kill -9 1234", "this homework is killing me", "grooming my dog",
        "romeo and juliet suicide scene essay", "how to cut a mango", ""})
    void ordinaryTextsStayOrdinary(String text) {
        Classification c = withModel.classify(text, AgeBand.KS3);

        assertThat(c.level()).as(text).isLessThan(3);
        if (withModel.findsNothing(text)) {
            assertThat(c.matches()).as(text).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000\u0000", "\u202Eedis ym llik\u202C", "\uD83D\uDE2D\uD83D\uDE2D\uD83D\uDE2D", "   ",
        "\uFFFD\uFFFD", "\u0623\u0631\u064A\u062F \u0623\u0646 \u0623\u0645\u0648\u062A"})
    void oddTextIsReadWithoutError(String text) {
        Classification c = withModel.classify(text, AgeBand.KS3);

        assertThat(c.level()).isBetween(0, 5);
        assertThat(c.matches()).allSatisfy(m -> assertThat(text).contains(m.original()));
    }

    @Test
    void aMegabyteOfWordsIsOneBoundedRead() {
        String huge = "nobody would notice if i was gone ".repeat(40_000);

        Classification c = withModel.classify(huge, AgeBand.KS3);

        assertThat(c.truncated()).isTrue();
        assertThat(c.level()).isGreaterThanOrEqualTo(4);
        assertThat(withModel.classify(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8), AgeBand.KS3).level())
                .isEqualTo(c.level());
    }
}
