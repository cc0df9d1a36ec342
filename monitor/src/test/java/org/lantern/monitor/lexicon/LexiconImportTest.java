package org.lantern.monitor.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;

/**
 * The lexicon importers on the real files in {@code shared/data/lexicons} (skipped, saying so,
 * where they are absent) and on small bad inputs, which load nothing and name every bad line.
 */
class LexiconImportTest {

    @TempDir
    Path dir;

    private static Path lexicons() {
        return SharedData.require("lexicons");
    }

    private static Optional<PhraseEntry> entry(PhraseLibrary library, String phrase) {
        return library.entries().stream().filter(e -> e.phrase().equals(phrase)).findFirst();
    }

    @Test
    void theSuicideRiskLexiconBecomesCategoriesLevelsAndTermsWithItsSourceAndLicence() throws Exception {
        PhraseLibrary library = LexiconImport.suicideRiskLexicon(lexicons().resolve(LexiconImport.SUICIDE_RISK_LEXICON_FILE));

        assertThat(library.name()).isEqualTo("suicide-risk-lexicon");
        assertThat(library.version()).isEqualTo("1.0");
        assertThat(library.entries()).hasSizeGreaterThan(500).allSatisfy(e -> {
            assertThat(e.source()).startsWith("suicide-risk-lexicon-v1.0: ");
            assertThat(e.licence()).isEqualTo("Apache-2.0");
            assertThat(e.line()).isGreaterThan(5);
        });
        assertThat(library.entries()).extracting(PhraseEntry::category).containsOnly(Category.SUICIDE,
                Category.SELF_HARM, Category.BULLYING, Category.GROOMING, Category.EATING_DISORDER, Category.HATE);
        PhraseEntry hang = entry(library, "hang myself").orElseThrow();
        assertThat(hang.levels().level(AgeBand.KS3)).isEqualTo(5);
        assertThat(hang.source()).isEqualTo("suicide-risk-lexicon-v1.0: Active suicidal ideation & suicidal planning");
        assertThat(entry(library, "wish I was dead").orElseThrow().levels().level()).isEqualTo(4);
        assertThat(entry(library, "noose").orElseThrow()).satisfies(e -> {
            assertThat(e.rule().term()).isTrue();
            assertThat(e.list()).isEqualTo("means");
        });
        assertThat(entry(library, "transgender").orElseThrow()).satisfies(e -> {
            assertThat(e.identity()).isTrue();
            assertThat(e.alerts()).isFalse();
        });
        assertThat(entry(library, "I'll die").orElseThrow().levels().level()).as("reviewed").isEqualTo(2);
        assertThat(library.entries()).filteredOn(e -> e.category() == Category.GROOMING)
                .allSatisfy(e -> assertThat(e.levels().level()).isLessThanOrEqualTo(2));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            kill I             | a lemmatised form, not what anyone writes
            tell I to kill myself | a lemmatised form
            kms                | a single word out of context
            attempt            | a single word out of context
            I'm dying          | reviewed: everyday hyperbole
            stick and poke tattoo | reviewed: a home-made tattoo
            insomnia           | sleep issues are not a safeguarding concern by themselves
            girl               | reviewed: an everyday word, not an identity term
            """)
    void leavesOutLemmasSingleWordsReviewedTermsAndConstructsThatAreNoConcern(String term, String why) throws Exception {
        PhraseLibrary library = LexiconImport.suicideRiskLexicon(lexicons().resolve(LexiconImport.SUICIDE_RISK_LEXICON_FILE));

        assertThat(entry(library, term)).as(why).isEmpty();
    }

    @Test
    void ldnoobwGivesEveryLanguageAsPornographyNotesNeverAnAlert() throws Exception {
        PhraseLibrary library = LexiconImport.ldnoobw(lexicons().resolve(LexiconImport.LDNOOBW_DIRECTORY));

        assertThat(library.name()).isEqualTo("ldnoobw");
        assertThat(library.version()).matches("sha256:[0-9a-f]{12}");
        assertThat(library.entries()).extracting(PhraseEntry::language).containsOnlyElementsOf(Ldnoobw.LANGUAGES)
                .containsAll(Ldnoobw.LANGUAGES);
        assertThat(library.entries()).hasSizeGreaterThan(1000).allSatisfy(e -> {
            assertThat(e.category()).isEqualTo(Category.PORNOGRAPHY);
            assertThat(e.source()).startsWith("ldnoobw: ");
            assertThat(e.licence()).isEqualTo("CC-BY-4.0");
            for (AgeBand band : AgeBand.values()) {
                assertThat(e.levels().level(band)).isLessThanOrEqualTo(2);
            }
            assertThat(e.levels().level(AgeBand.STAFF)).isZero();
        });
        assertThat(library.entries()).extracting(PhraseEntry::phrase).as("reviewed: everyday words, or violence")
                .doesNotContain("aand", "con", "how to kill", "how to murder")
                .contains("ball gag", "fuck");
    }

    @Test
    void theLexiconsDirectoryGivesBoth() throws Exception {
        assertThat(LexiconImport.fromDirectory(lexicons())).extracting(PhraseLibrary::name)
                .containsExactly("suicide-risk-lexicon", "ldnoobw");
    }

    // --- bad input ---

    /** A lexicon of the real layout: every construct imported, with its description rows. */
    private Path suicideRiskLexicon(List<List<String>> termsPerConstruct) throws IOException {
        List<String> header = new ArrayList<>(List.of(""));
        for (SuicideRiskLexicon.Construct construct : SuicideRiskLexicon.CONSTRUCTS) {
            header.addAll(List.of(quote(construct.column()), quote(construct.column() + "_include"), quote(construct.column() + "_add")));
        }
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (String row : List.of("Prompt name", "Definition", "Reference", "Examples")) {
            csv.append(row).append(",\"a\ndescription over two lines\"").append(",".repeat(header.size() - 2)).append('\n');
        }
        int rows = termsPerConstruct.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < rows; i++) {
            csv.append(i);
            for (List<String> terms : termsPerConstruct) {
                csv.append(',').append(i < terms.size() ? quote(terms.get(i)) : "").append(",,");
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve("srl.csv"), csv);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static List<List<String>> constructs(List<String> first) {
        List<List<String>> all = new ArrayList<>();
        all.add(first);
        for (int i = 1; i < SuicideRiskLexicon.CONSTRUCTS.size(); i++) {
            all.add(List.of());
        }
        return all;
    }

    @Test
    void aSmallLexiconOfTheRealLayoutImportsItsTermsNotItsLemmasWithTheirLines() throws Exception {
        Path file = suicideRiskLexicon(constructs(List.of("hang myself", "end it all now", "noose", "hang myself", "end it all now", "noose")));

        PhraseLibrary library = LexiconImport.suicideRiskLexicon(file);

        assertThat(library.entries()).extracting(PhraseEntry::phrase, e -> e.levels().level(), PhraseEntry::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hang myself", 5, 10),
                        org.assertj.core.groups.Tuple.tuple("end it all now", 2, 11));
    }

    @Test
    void aFileThatIsNotTheLexiconNamesEveryMissingConstructOnLineOne() throws IOException {
        Path file = Files.writeString(dir.resolve("other.csv"), "word,count\nhello,3\n");

        assertThatThrownBy(() -> LexiconImport.suicideRiskLexicon(file))
                .isInstanceOf(LibraryFormatException.class)
                .satisfies(e -> assertThat(((LibraryFormatException) e).errors())
                        .hasSize(SuicideRiskLexicon.CONSTRUCTS.size())
                        .first().asString().startsWith("line 1: no column 'Active suicidal ideation & suicidal planning'"));
    }

    @Test
    void aConstructWithAnOddNumberOfTermsIsAnErrorAndNothingLoads() throws IOException {
        Path file = suicideRiskLexicon(constructs(List.of("hang myself", "end it all", "hang myself")));

        assertThatThrownBy(() -> LexiconImport.suicideRiskLexicon(file))
                .isInstanceOf(LibraryFormatException.class)
                .hasMessageContaining("line 1: column 'Active suicidal ideation & suicidal planning' has 3 terms");
    }

    @Test
    void termsLanternCannotMatchAsPhrasesAreSkipped() throws Exception {
        String tooLong = "my " + "a".repeat(200);
        Path file = suicideRiskLexicon(constructs(List.of("x", "!!", tooLong, "hang myself", "x", "!!", tooLong, "hang myself")));

        assertThat(LexiconImport.suicideRiskLexicon(file).entries()).extracting(PhraseEntry::phrase)
                .containsExactly("hang myself");
    }

    @Test
    void anEmptyOrUnreadableFileIsAnError() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path unbalanced = Files.writeString(dir.resolve("quote.csv"), "a,b\n\"never closed,1\n");

        assertThatThrownBy(() -> LexiconImport.suicideRiskLexicon(empty)).hasMessageContaining("line 1: empty file");
        assertThatThrownBy(() -> LexiconImport.suicideRiskLexicon(unbalanced)).isInstanceOf(LibraryFormatException.class)
                .hasMessageContaining("unreadable CSV");
        assertThatThrownBy(() -> LexiconImport.suicideRiskLexicon(dir.resolve("absent.csv"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void ldnoobwSkipsBlankLinesRepeatsAndWhatCannotBeAPhraseAndNamesAFileAndLineThatIsNotUtf8() throws Exception {
        Files.writeString(dir.resolve("en"), "ball gag\n\nBall Gag\nboobs\nxxx\ns&m\n\uD83D\uDD95\n");
        assertThat(LexiconImport.ldnoobw(dir).entries())
                .extracting(PhraseEntry::phrase, e -> e.levels().level(), PhraseEntry::line, PhraseEntry::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ball gag", 2, 1, "ldnoobw: en"),
                        org.assertj.core.groups.Tuple.tuple("boobs", 1, 4, "ldnoobw: en"));

        Files.write(dir.resolve("fr"), new byte[] {'o', 'k', '\n', 'b', (byte) 0xff, '\n', 'x', '\n'});
        assertThatThrownBy(() -> LexiconImport.ldnoobw(dir)).isInstanceOf(LibraryFormatException.class)
                .satisfies(e -> assertThat(((LibraryFormatException) e).errors())
                        .containsExactly("fr line 2: not UTF-8 text"));
    }

    @Test
    void aLexiconsDirectoryNamesEachBadLexiconsFileAndLine() throws IOException {
        Files.writeString(dir.resolve(LexiconImport.SUICIDE_RISK_LEXICON_FILE), "word,count\n");
        Files.createDirectories(dir.resolve("ldnoobw"));
        Files.write(dir.resolve("ldnoobw/pl"), new byte[] {'o', 'k', '\n', (byte) 0xc3, '\n'});

        assertThatThrownBy(() -> LexiconImport.fromDirectory(dir)).isInstanceOf(LibraryFormatException.class)
                .satisfies(e -> assertThat(((LibraryFormatException) e).errors())
                        .contains("ldnoobw/pl line 2: not UTF-8 text")
                        .anyMatch(m -> m.startsWith("suicide-risk-lexicon-v1.0.csv line 1: no column")));
    }

    @Test
    void aDirectoryWithoutLexiconsSaysWhatItExpected() {
        assertThatThrownBy(() -> LexiconImport.ldnoobw(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no LDNOOBW language file (en, fr");
        assertThatThrownBy(() -> LexiconImport.fromDirectory(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(LexiconImport.SUICIDE_RISK_LEXICON_FILE);
    }

    @Test
    void everyImportedEntryNamesItsConstructOrLanguage() throws Exception {
        PhraseLibrary library = LexiconImport.suicideRiskLexicon(lexicons().resolve(LexiconImport.SUICIDE_RISK_LEXICON_FILE));

        assertThat(library.entries().stream().map(PhraseEntry::source).collect(Collectors.toSet()))
                .hasSize(SuicideRiskLexicon.CONSTRUCTS.size());
    }
}
