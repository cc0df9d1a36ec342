package org.lantern.monitor.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseLibrary;

/** Open words ({@code mour*}): a stem that finds every word starting with it, alone, before a gap or before the next word, never inside a word. */
class OpenWordTest {

    private static final PhraseMatcher MATCHER = PhraseMatcher.build(List.of(shipped("""
            phrase,category,language,level,rule,help_seeking,identity,source,licence
            je veux ... mour*,suicide,fr,5,alone,false,false,test,CC0-1.0
            zabi* ... się,suicide,pl,5,alone,false,false,test,CC0-1.0
            selbstmord*,suicide,de,3,alone,false,false,test,CC0-1.0
            schlag* mich,bullying,de,4,alone,false,false,test,CC0-1.0
            """)));

    private static PhraseLibrary shipped(String csv) {
        try {
            return library(csv);
        } catch (LibraryFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PhraseLibrary library(String csv) throws LibraryFormatException {
        try {
            return LibraryCsv.read(new StringReader(csv), "open", "1");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "je veux mourir"                      | "je veux ... mour*" | "je veux mourir"
            "je veux vraiment mourir ce soir"     | "je veux ... mour*" | "je veux vraiment mourir"
            "chcę się zabić"                      | ""                  | ""
            "zabiję się jutro"                    | "zabi* ... się"     | "zabiję się"
            "zabijesz się"                        | "zabi* ... się"     | "zabijesz się"
            "selbstmordgedanken"                  | "selbstmord*"       | "selbstmordgedanken"
            "Selbstmord"                          | "selbstmord*"       | "Selbstmord"
            "je veux amourir"                     | ""                  | ""
            "kein selbst mord"                    | ""                  | ""
            "er schlägt mich jeden tag"           | "schlag* mich"      | "schlägt mich"
            "sie schlagen mich"                   | "schlag* mich"      | "schlagen mich"
            "er schlägt heute mich"               | ""                  | ""
            """)
    void findsWordsThatStartWithTheStem(String text, String phrase, String original) {
        List<Match> matches = MATCHER.classify(text, AgeBand.KS3).matches();
        if (phrase.isEmpty()) {
            assertThat(matches).isEmpty();
        } else {
            assertThat(matches).singleElement().satisfies(m -> {
                assertThat(m.phrase()).isEqualTo(phrase);
                assertThat(m.original()).isEqualTo(original);
            });
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "mo*rir"                | "only ends a word"
            "*mourir"               | "only ends a word"
            "je veux* ... mourir"   | ""
            "je ... mo*"            | "shorter than 3 letters"
            "mour*,suicide,fr,5,not-in:mourir de rire" | "takes no not-in contexts"
            """)
    void refusesAStarInsideAWordAShortStemAndNotInContexts(String line, String error) throws Exception {
        String row = line.contains(",") ? line : line + ",suicide,fr,5,alone";
        String csv = "phrase,category,language,level,rule,help_seeking,identity,source,licence\n" + row + ",false,false,test,CC0-1.0\n";
        if (error.isEmpty()) {
            assertThat(library(csv).entries()).hasSize(1);
        } else {
            assertThatThrownBy(() -> library(csv)).hasMessageContaining(error);
        }
    }
}
