package org.lantern.monitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.text.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two ways a match is raised above its library level: a {@code raise-with:} rule (the word
 * beside a method, a time or the writer's intent, never one of the phrase's own words) and words
 * disguised to get past a filter.
 */
class LevelRaisingTest {

    private static final String LIBRARY = """
            phrase,category,language,level,rule,help_seeking,identity,list,source,licence
            overdose,suicide,en,3,raise-with:intent,false,false,,test,CC0-1.0
            how to,suicide,en,,term,false,false,intent,test,CC0-1.0
            tonight,suicide,en,,term,false,false,intent,test,CC0-1.0
            kill myself,suicide,en,5,raise-with:intent,false,false,,test,CC0-1.0
            weed,drugs,en,2,alone,false,false,,test,CC0-1.0
            bet365 all in,gambling,en,3,alone,false,false,,test,CC0-1.0
            how to overdose safely,drugs,en,2,raise-with:intent,false,false,,test,CC0-1.0
            how to ... tonight,drugs,en,3,raise-with:intent,false,false,,test,CC0-1.0
            """;

    private static final PhraseMatcher MATCHER = PhraseMatcher.build(List.of(library()));

    private static PhraseLibrary library() {
        try {
            return LibraryCsv.read(new StringReader(LIBRARY), "test", "1");
        } catch (IOException | LibraryFormatException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            overdose                        | 3
            how to overdose                 | 4
            overdose tonight, how to        | 4
            0verd0se                        | 4
            o v e r d o s e                 | 4
            how to 0verd0se tonight         | 5
            OVERDOSE                        | 3
            how to kill myself              | 5
            k1ll myself tonight             | 5
            w33d                            | 2
            how to grow weed                | 2
            bet365 all in                   | 3
            Bet365 ALL IN                   | 3
            b e t 3 6 5 all in              | 4
            how to overdose safely          | 4
            how to do it tonight            | 3
            tonight: how to do it tonight   | 4
            """)
    void raisesOneLevelPerReasonAndNeverAboveFive(String text, int level) {
        assertThat(MATCHER.classify(text, AgeBand.KS3).level()).isEqualTo(level);
    }

    @Test
    void aRaiseNamesThePhraseThatRaisedIt() {
        Match match = MATCHER.classify("overdose tonight", AgeBand.KS3).matches().getFirst();

        assertThat(match.level()).isEqualTo(4);
        assertThat(match.rule()).isEqualTo("raise-with:intent");
        assertThat(match.coOccurring()).contains("tonight");
        assertThat(MATCHER.classify("overdose", AgeBand.KS3).matches().getFirst().coOccurring()).isEmpty();
    }

    @Test
    void aDisguisedMatchShowsTheDisguiseInItsSteps() {
        Match match = MATCHER.classify("0verd0se", AgeBand.KS3).matches().getFirst();

        assertThat(match.level()).isEqualTo(4);
        assertThat(match.steps()).containsExactlyInAnyOrder(Step.LEETSPEAK, Step.INFLECTIONS);
    }
}
