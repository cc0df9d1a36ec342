package org.lantern.monitor.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading libraries: every field, every bad line reported with its number, nothing half-loaded. */
class LibraryCsvTest {

    private static final String HEADER = "phrase,category,language,level,rule,help_seeking,identity,source,licence\n";
    private static final String GOOD = "kill myself,suicide,en,5,alone,false,false,curated,CC0-1.0\n";

    private static PhraseLibrary read(String csv) throws Exception {
        return LibraryCsv.read(new StringReader(csv), "test", "7");
    }

    private static List<String> errors(String csv) {
        try {
            read(csv);
        } catch (LibraryFormatException e) {
            return e.errors();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("loaded: " + csv);
    }

    @Test
    void readsEveryField() throws Exception {
        PhraseLibrary library = read("# a comment\n"
                + "phrase,category,language,level,primary,ks3,ks4,post16,staff,rule,help_seeking,identity,list,source,licence\n"
                + "send nudes,grooming,en,4,5,,,,2,alone,no,no,,curated,CC0-1.0\n"
                + "\n"
                + "gay,hate,en,,,,,,,term,false,true,identity,curated,CC0-1.0\n"
                + "\"kill all\",hate,en,4,,,,,,with:identity,false,false,,curated,CC0-1.0\n"
                + "suicide,suicide,en,3,,,,,,\"not-in:suicide squad|suicide, the film\",false,false,,curated,CC0-1.0\n"
                + "samaritans,suicide,en,1,,,,,,alone,true,false,,Samaritans,CC-BY-4.0\n");
        assertThat(library.name()).isEqualTo("test");
        assertThat(library.version()).isEqualTo("7");
        assertThat(library.entries()).hasSize(5);
        PhraseEntry nudes = library.entries().get(0);
        assertThat(nudes.phrase()).isEqualTo("send nudes");
        assertThat(nudes.category()).isEqualTo(Category.GROOMING);
        assertThat(nudes.levels().level(AgeBand.PRIMARY)).isEqualTo(5);
        assertThat(nudes.levels().level(AgeBand.KS3)).isEqualTo(4);
        assertThat(nudes.levels().level(AgeBand.STAFF)).isEqualTo(2);
        assertThat(nudes.list()).isEqualTo("grooming");
        assertThat(nudes.line()).isEqualTo(3);
        PhraseEntry gay = library.entries().get(1);
        assertThat(gay.identity()).isTrue();
        assertThat(gay.alerts()).isFalse();
        assertThat(gay.list()).isEqualTo("identity");
        assertThat(gay.line()).isEqualTo(5);
        assertThat(library.entries().get(2).rule().withList()).contains("identity");
        assertThat(library.entries().get(3).rule().notIn()).containsExactly("suicide squad", "suicide, the film");
        PhraseEntry samaritans = library.entries().get(4);
        assertThat(samaritans.helpSeeking()).isTrue();
        assertThat(samaritans.source()).isEqualTo("Samaritans");
        assertThat(samaritans.licence()).isEqualTo("CC-BY-4.0");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "x,suicide,en,5,alone,false,false,curated,CC0-1.0"                     | "line 2: phrase 'x' is one character ('x') once normalised; at least 2 are needed"
            "!!!,suicide,en,5,alone,false,false,curated,CC0-1.0"                   | "line 2: phrase '!!!' is no letters or digits once normalised; at least 2 are needed"
            ",suicide,en,5,alone,false,false,curated,CC0-1.0"                      | "line 2: empty phrase"
            "kys,sadness,en,5,alone,false,false,curated,CC0-1.0"                   | "line 2: unknown category 'sadness'; one of suicide, self-harm, eating-disorder, bullying, grooming, coercive-control, extremism, hate, drugs, weapons, pornography, gambling, illegal"
            "kys,bullying,English,5,alone,false,false,curated,CC0-1.0"             | "line 2: language 'English' is not a language code such as en, fr, pl"
            "kys,bullying,en,6,alone,false,false,curated,CC0-1.0"                  | "line 2: level '6' is not a level from 1 to 5"
            "kys,bullying,en,0,alone,false,false,curated,CC0-1.0"                  | "line 2: level '0' is not a level from 1 to 5"
            "kys,bullying,en,high,alone,false,false,curated,CC0-1.0"               | "line 2: level 'high' is not a level from 1 to 5"
            "kys,bullying,en,4,sometimes,false,false,curated,CC0-1.0"              | "line 2: rule 'sometimes' is not one of alone, term, with:LIST, not-with:LIST, raise-with:LIST, not-in:CONTEXT|CONTEXT"
            "kys,bullying,en,4,with:nowhere,false,false,curated,CC0-1.0"           | "line 2: rule 'with:nowhere' names list 'nowhere', which no phrase belongs to"
            "kys,bullying,en,4,raise-with:nowhere,false,false,curated,CC0-1.0"     | "line 2: rule 'raise-with:nowhere' names list 'nowhere', which no phrase belongs to"
            "kys,bullying,en,4,raise-with:a;raise-with:b,false,false,curated,CC0-1.0" | "line 2: rule has two 'raise-with:' clauses"
            "kys,bullying,en,4,term;raise-with:bullying,false,false,curated,CC0-1.0" | "line 2: rule 'term;raise-with:bullying': a term never alerts, so it takes no other clause"
            "kys,bullying,en,4,term;with:bullying,false,false,curated,CC0-1.0"     | "line 2: rule 'term;with:bullying': a term never alerts, so it takes no other clause"
            "isis,extremism,en,3,not-in:the nile,false,false,curated,CC0-1.0"      | "line 2: context 'the nile' does not contain the phrase 'isis'"
            "kys,bullying,en,4,alone,maybe,false,curated,CC0-1.0"                  | "line 2: help_seeking 'maybe' is not true or false"
            "gay,hate,en,1,alone,false,true,curated,CC0-1.0"                       | "line 2: identity terms never alert on their own, so their rule is 'term', not 'alone'"
            "kys,bullying,en,4,alone,false,false,,CC0-1.0"                         | "line 2: empty source; say where the phrase came from"
            "kys,bullying,en,4,alone,false,false,curated,"                         | "line 2: empty licence"
            "kys,bullying,en,4,alone,false,false,curated"                          | "line 2: 8 fields, the header has 9"
            "... kill myself,suicide,en,5,alone,false,false,curated,CC0-1.0"        | "line 2: phrase '... kill myself' has a gap ('...') with no words on one side"
            "a ... b ... c ... d ... e,suicide,en,5,alone,false,false,curated,CC0-1.0" | "line 2: phrase 'a ... b ... c ... d ... e' has 4 gaps; at most 3"
            "kill ... myself,suicide,en,5,not-in:kill it myself,false,false,curated,CC0-1.0" | "line 2: a phrase with a gap ('...') takes no not-in contexts; write the contexts' words as a not-with list"
            """)
    void reportsABadLineWithItsNumber(String row, String error) {
        assertThat(errors(HEADER + row + "\n")).containsExactly(error);
    }

    @Test
    void refusesAPhraseOfTenThousandCharacters() {
        String phrase = "a".repeat(10_000);
        assertThat(errors(HEADER + phrase + ",suicide,en,5,alone,false,false,curated,CC0-1.0\n"))
                .containsExactly("line 2: phrase of 10000 characters; at most 200");
    }

    @Test
    void listsEveryBadLineAndLoadsNothing() {
        String csv = HEADER + GOOD + "x,suicide,en,5,alone,false,false,curated,CC0-1.0\n" + GOOD
                + "kys,bullying,en,9,alone,false,false,,CC0-1.0\n" + "K1LL MYSELF,suicide,en,5,alone,false,false,curated,CC0-1.0\n";
        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(LibraryFormatException.class)
                .hasMessageStartingWith("5 errors, nothing loaded: line 3:");
        assertThat(errors(csv)).containsExactly(
                "line 3: phrase 'x' is one character ('x') once normalised; at least 2 are needed",
                "line 4: same phrase, category and language as line 2 (phrases are compared normalised: 'kil myself')",
                "line 5: level '9' is not a level from 1 to 5",
                "line 5: empty source; say where the phrase came from",
                "line 6: same phrase, category and language as line 2 (phrases are compared normalised: 'kil myself')");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'phrase,category,language,level,rule,help_seeking,identity,source\n'                   | 'line 1: missing column ''licence'''
            'phrase,category,language,level,rule,help_seeking,identity,source,licence,colour\n'    | 'line 1: unknown column ''colour'''
            ''                                                                                      | 'line 1: no header; the first line names the columns: phrase,category,language,level,rule,help_seeking,identity,source,licence'
            """)
    void reportsABadHeader(String header, String error) {
        assertThat(errors(header.replace("\\n", "\n"))).containsExactly(error);
    }

    @Test
    void reportsADuplicateColumn() {
        assertThat(errors("phrase,phrase,category,language,level,rule,help_seeking,identity,source,licence\n"))
                .singleElement().asString().startsWith("line 1: ");
    }

    @Test
    void reportsAnUnterminatedQuoteWithItsLine() {
        assertThat(errors(HEADER + GOOD + "\"kys,bullying,en,4,alone,false,false,curated,CC0-1.0\n"))
                .singleElement().asString().startsWith("line 3: unreadable CSV");
    }

    @Test
    void phrasesAreKeptLiterallyAsWritten() throws Exception {
        PhraseLibrary library = read(HEADER + "\"su.cide\",suicide,en,5,alone,false,false,curated,CC0-1.0\n"
                + "\"(a|b)+ harm\",suicide,en,5,alone,false,false,curated,CC0-1.0\n");
        assertThat(library.entries()).extracting(PhraseEntry::phrase).containsExactly("su.cide", "(a|b)+ harm");
    }

    @Test
    void namesTheFirstLineOfARecordSpanningLines() {
        assertThat(errors(HEADER + GOOD + "\"two\nlines\",suicide,en,9,alone,false,false,curated,CC0-1.0\n" + GOOD))
                .containsExactly("line 3: level '9' is not a level from 1 to 5",
                        "line 5: same phrase, category and language as line 2 (phrases are compared normalised: 'kil myself')");
    }

    @Test
    void readsALastLineWithoutALineBreak() throws Exception {
        assertThat(read(HEADER + GOOD.strip()).entries()).singleElement().extracting(PhraseEntry::line).isEqualTo(2);
    }

    @Test
    void theStarterLibraryLoadsWithSourcesAndLicencesForEveryCategory() throws IOException {
        PhraseLibrary starter = PhraseLibrary.starter();
        assertThat(starter.entries()).allSatisfy(e -> {
            assertThat(e.source()).isNotBlank();
            assertThat(e.licence()).isNotBlank();
        });
        assertThat(starter.entries()).extracting(PhraseEntry::category).contains(Category.values());
        assertThat(starter.entries()).extracting(PhraseEntry::language).contains("en", "fr", "de", "es", "pl");
    }
}
