package org.lantern.monitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.text.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The starter library through the matcher: what each rule lets through, and every explanation. */
class PhraseMatcherTest {

    private static final PhraseMatcher MATCHER = PhraseMatcher.build(List.of(PhraseLibrary.starter()));

    private static Classification ks3(String text) {
        return MATCHER.classify(text, AgeBand.KS3);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            i want to kill myself              | 5 | suicide
            how+to+kill+myself                 | 5 | suicide
            I WANT TO K1LL MYSELF              | 5 | suicide
            want to d13                        | 5 | suicide
            suiiiicide                         | 4 | suicide
            s u i c i d e                      | 4 | suicide
            k.i.l.l m.y.s.e.l.f                | 5 | suicide
            ѕuicide                            | 4 | suicide
            su\u200Bicide                      | 4 | suicide
            ｓｕｉｃｉｄｅ                      | 4 | suicide
            $elf-h@rm                          | 4 | self-harm
            #selfharm                          | 3 | self-harm
            killmyself                         | 5 | suicide
            jump off the bridge                | 4 | suicide
            how to join ISIS                   | 5 | extremism
            isis                               | 3 | extremism
            kill all immigrants                | 4 | hate
            Selbstmord                         | 4 | suicide
            chce umrzec                        | 5 | suicide
            chcę umrzeć                        | 5 | suicide
            quiero morir                       | 5 | suicide
            j'ai envie de mourir               | 5 | suicide
            child porn                         | 5 | illegal
            """)
    void findsObfuscatedAndMultilingualPhrases(String text, int level, String category) {
        Classification result = ks3(text);
        assertThat(result.level()).as(result.toString()).isEqualTo(level);
        assertThat(result.matches()).extracting(m -> m.category().id()).contains(category);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            suicide squad cast
            kill -9 1234
            how to kill process linux
            isis and osiris egyptian mythology
            jump off
            the bridge over the river
            gay
            am i gay
            trans people in history
            skill
            skilled killer whales
            weed killer
            times tables
            ""
            "   "
            """)
    void leavesBenignTextAtLevelBelowThree(String text) {
        Classification result = ks3(text);
        assertThat(result.level()).as(result.toString()).isLessThan(3);
    }

    @Test
    void benignLookAlikesMatchNothing() {
        assertThat(ks3("suicide squad cast").matches()).isEmpty();
        assertThat(ks3("kill -9 1234").matches()).isEmpty();
        assertThat(ks3("skill").matches()).isEmpty();
        assertThat(ks3("isis osiris").matches()).isEmpty();
    }

    @Test
    void identityTermsNeverAlertAlone() {
        assertThat(ks3("am i gay").matches()).isEmpty();
        assertThat(ks3("am i gay").level()).isZero();
    }

    @Test
    void coOccurrenceIsExplained() {
        Match match = only(ks3("kill all immigrants"), Category.HATE);
        assertThat(match.rule()).isEqualTo("with:identity");
        assertThat(match.coOccurring()).contains("immigrants");
        Match jump = only(ks3("jump off a tall building"), Category.SUICIDE);
        assertThat(jump.coOccurring()).contains("tall building");
    }

    @Test
    void helpSeekingIsLabelledAndAbsorbsTheRiskPhraseItContains() {
        Classification result = ks3("suicide hotline number");
        assertThat(result.helpSeeking()).isTrue();
        assertThat(result.level()).isEqualTo(2);
        assertThat(result.matches()).singleElement().satisfies(m -> {
            assertThat(m.phrase()).isEqualTo("suicide hotline");
            assertThat(m.helpSeeking()).isTrue();
        });
        Classification both = ks3("suicide hotline or suicide");
        assertThat(both.level()).isEqualTo(3);
        assertThat(both.helpSeeking()).isTrue();
    }

    @Test
    void levelDependsOnTheAgeBand() {
        assertThat(MATCHER.classify("send nudes", AgeBand.PRIMARY).level()).isEqualTo(5);
        assertThat(MATCHER.classify("send nudes", AgeBand.KS4).level()).isEqualTo(4);
        assertThat(MATCHER.classify("send nudes", AgeBand.STAFF).level()).isEqualTo(2);
        assertThat(MATCHER.classify("weed", AgeBand.STAFF).matches()).isEmpty();
    }

    @Test
    void everyMatchExplainsItself() {
        Classification result = ks3("I want to K1LLL  mysellf!");
        Match match = only(result, Category.SUICIDE);
        assertThat(match.phrase()).isEqualTo("kill myself");
        assertThat(match.original()).isEqualTo("K1LLL  mysellf");
        assertThat(match.normalised()).isEqualTo("kil myself");
        assertThat(match.steps()).containsExactlyInAnyOrder(Step.CASE_FOLDING, Step.LEETSPEAK, Step.REPEATED_LETTERS);
        assertThat(match.level()).isEqualTo(5);
        assertThat(match.rule()).isEqualTo("alone");
        assertThat(match.library()).isEqualTo(PhraseLibrary.STARTER_NAME);
        assertThat(match.libraryVersion()).isEqualTo(PhraseLibrary.STARTER_VERSION);
        assertThat(match.language()).isEqualTo("en");
        assertThat(match.libraryLine()).isPositive();
        assertThat(match.coOccurring()).isEmpty();
        assertThat(result.text()).isEqualTo("I want to K1LLL  mysellf!");
        assertThat(result.normalised()).isEqualTo("i want to kil myself");
    }

    @Test
    void urlEscapesAreExplained() {
        Match match = only(ks3("how%20to%20k%31ll%20myself"), Category.SUICIDE);
        assertThat(match.original()).isEqualTo("k%31ll%20myself");
        assertThat(match.steps()).contains(Step.URL_DECODING);
    }

    @Test
    void matchesAreInTextOrder() {
        Classification result = ks3("porn then suicide then kys");
        assertThat(result.matches()).extracting(Match::phrase).containsExactly("porn", "suicide", "kys");
        assertThat(result.level()).isEqualTo(4);
    }

    @Test
    void aPhraseIsReportedOnceHoweverOftenItOccurs() {
        assertThat(ks3("suicide suicide suicide squad suicide").matches()).singleElement()
                .extracting(Match::phrase).isEqualTo("suicide");
    }

    @Test
    void aCancelledOccurrenceDoesNotHideALaterBareOne() {
        Classification result = ks3("suicide squad then suicide");
        assertThat(result.matches()).singleElement().satisfies(m -> assertThat(m.original()).isEqualTo("suicide"));
    }

    private static Match only(Classification result, Category category) {
        List<Match> matches = result.matches().stream().filter(m -> m.category() == category).toList();
        assertThat(matches).as(result.toString()).hasSize(1);
        return matches.get(0);
    }

    @Test
    void anEmptyLibraryMatchesNothing() {
        PhraseMatcher empty = PhraseMatcher.build(List.of(new PhraseLibrary("empty", "1", List.of())));
        assertThat(empty.classify("kill myself", AgeBand.KS3))
                .isEqualTo(new Classification("kill myself", "kil myself", Set.of(), 0, false, List.of(), false));
    }

    @Test
    void phrasesAreNeverRunAsPatterns() throws Exception {
        PhraseLibrary library = org.lantern.monitor.library.LibraryCsv.read(new java.io.StringReader(
                "phrase,category,language,level,rule,help_seeking,identity,source,licence\n"
                        + "\"su.cide\",suicide,en,5,alone,false,false,curated,CC0-1.0\n"
                        + "\"[a-z]+ harm\",self-harm,en,5,alone,false,false,curated,CC0-1.0\n"), "literal", "1");
        PhraseMatcher literal = PhraseMatcher.build(List.of(library));
        assertThat(literal.classify("suicide", AgeBand.KS3).matches()).isEmpty();
        assertThat(literal.classify("self harm", AgeBand.KS3).matches()).isEmpty();
        assertThat(literal.classify("su.cide", AgeBand.KS3).level()).isEqualTo(5);
        assertThat(literal.classify("[a-z]+ harm", AgeBand.KS3).level()).isEqualTo(5);
    }

    @Test
    void scriptsWithoutSpacesMatchInsideARunAndArabicIgnoresOptionalMarks() throws Exception {
        PhraseLibrary library = org.lantern.monitor.library.LibraryCsv.read(new java.io.StringReader(
                "phrase,category,language,level,rule,help_seeking,identity,source,licence\n"
                        + "自杀,suicide,zh,5,alone,false,false,curated,CC0-1.0\n"
                        + "أريد أن أموت,suicide,ar,5,alone,false,false,curated,CC0-1.0\n"
                        + "خودکشی,suicide,ur,4,alone,false,false,curated,CC0-1.0\n"), "scripts", "1");
        PhraseMatcher scripts = PhraseMatcher.build(List.of(library));
        assertThat(scripts.classify("我想自杀了", AgeBand.KS3).level()).isEqualTo(5);
        assertThat(scripts.classify("أُرِيدُ أَنْ أَمُـــوتَ", AgeBand.KS3).level()).isEqualTo(5);
        assertThat(scripts.classify("میں خودکشی کرنا چاہتا ہوں", AgeBand.KS3).level()).isEqualTo(4);
        Match match = scripts.classify("أُرِيدُ أَنْ أَمُـــوتَ", AgeBand.KS3).matches().get(0);
        assertThat(match.original()).isEqualTo("أُرِيدُ أَنْ أَمُـــوتَ");
        assertThat(match.steps()).containsExactly(Step.DIACRITICS);
    }
}
