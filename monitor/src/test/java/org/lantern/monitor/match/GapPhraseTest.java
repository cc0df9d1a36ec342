package org.lantern.monitor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.PhraseLibrary;

/** Phrases with gaps ({@code kill ... myself}): up to three words between parts, in order, in one pass. */
class GapPhraseTest {

    private static final PhraseMatcher MATCHER = PhraseMatcher.build(List.of(library("""
            phrase,category,language,level,rule,help_seeking,identity,source,licence
            going to ... kill myself,suicide,en,5,alone,false,false,test,CC0-1.0
            want ... to die,suicide,en,5,alone,false,false,test,CC0-1.0
            he ... make me ... send,grooming,en,4,alone,false,false,test,CC0-1.0
            kill myself,suicide,en,5,alone,false,false,test,CC0-1.0
            she wants to die,suicide,en,2,alone,true,false,test,CC0-1.0
            """)));

    private static PhraseLibrary library(String csv) {
        try {
            return LibraryCsv.read(new StringReader(csv), "gaps", "1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "im going to kill myself"                         | "going to ... kill myself" | "going to kill myself"
            "im going to actually kill myself"                | "going to ... kill myself" | "going to actually kill myself"
            "i am gonna go and just kill myself"              | "going to ... kill myself" | "gonna go and just kill myself"
            "i really really want to die"                     | "want ... to die"          | "want to die"
            "i want so badly to die"                          | "want ... to die"          | "want so badly to die"
            "i wanna die"                                     | "want ... to die"          | "wanna die"
            "he tried to make me send pics"                   | "he ... make me ... send"  | "he tried to make me send"
            "want to go for a run not to die"                 | ""                         | ""
            "going to see a film tonight then kill myself"    | ""                         | ""
            "to die want"                                     | ""                         | ""
            "want to want to die"                             | "want ... to die"          | "want to die"
            """)
    void joinsPartsWithAtMostThreeWordsBetween(String text, String phrase, String original) {
        List<Match> gapped = MATCHER.classify(text, AgeBand.KS3).matches().stream()
                .filter(m -> m.phrase().contains("...")).toList();
        if (phrase.isEmpty()) {
            assertThat(gapped).isEmpty();
        } else {
            assertThat(gapped).singleElement().satisfies(m -> {
                assertThat(m.phrase()).isEqualTo(phrase);
                assertThat(m.original()).isEqualTo(original);
            });
        }
    }

    @Test
    void aHelpSeekingPhraseAroundItCancelsIt() {
        Classification result = MATCHER.classify("my friend says she wants to die what do i do", AgeBand.KS3);
        assertThat(result.level()).isEqualTo(2);
        assertThat(result.helpSeeking()).isTrue();
        assertThat(result.matches()).extracting(Match::phrase).containsExactly("she wants to die");
    }

    @Test
    void aMegabyteOfPartsWithoutTheirEndIsOneLinearPass() {
        String text = "going to ".repeat(100_000) + "kill myself";
        long started = System.nanoTime();
        Classification result = MATCHER.classify(text, AgeBand.KS3);
        assertThat(result.matches()).extracting(Match::phrase).contains("going to ... kill myself", "kill myself");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
}
