package org.lantern.monitor.lexicon;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.CsvLines;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.Levels;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.library.Rule;

/**
 * Reads the Suicide Risk Lexicon v1.0 (Low et al., construct-tracker, Apache-2.0): a first line
 * naming one column per construct (each followed by empty {@code _include} and {@code _add}
 * columns), four rows describing them (prompt name, definition, reference, examples), then one
 * row per index. A construct's column holds its terms as written followed by the same terms
 * lemmatised ({@code kill I}, {@code tell I to kill myself}); only the terms as written are
 * taken, since Lantern's normalisation, not a lemmatiser, decides what matches.
 *
 * <p>Constructs become Lantern categories and levels by {@link #CONSTRUCTS}, and by the shape of
 * the term: one in the first person ({@code i}, {@code me}, {@code my}, {@code myself}) speaks of
 * the writer and takes the construct's level; any other phrase of several words a lower one; a
 * single word out of context is an everyday word ("cutting", "attempt") and is left out, except
 * where the construct is a list of means or of identities, which become terms. Constructs that
 * are not a safeguarding concern by themselves (anxiety, sleep, kinship...) are left out.
 * {@code suicide-risk-lexicon-review.csv} then sets the level of the terms Lantern's review
 * found to be everyday phrases ("killing me", "stick and poke tattoo"), each with its reason.
 */
final class SuicideRiskLexicon {

    static final String NAME = "suicide-risk-lexicon";
    static final String VERSION = "1.0";
    static final String SOURCE = "suicide-risk-lexicon-v1.0";
    static final String LICENCE = "Apache-2.0";

    /** What each imported construct is to Lantern. */
    enum Kind {
        /** a risk phrase at a level */
        RISK,
        /** a term of a list that rules name, never alerting by itself */
        TERM,
        /** an identity term, never alerting by itself */
        IDENTITY
    }

    /**
     * @param firstPerson the level of a term in the first person
     * @param other       the level of any other phrase of several words; 0 leaves them out
     */
    record Construct(String column, Category category, Kind kind, int firstPerson, int other, String list) {}

    static final List<Construct> CONSTRUCTS = List.of(
            new Construct("Active suicidal ideation & suicidal planning", Category.SUICIDE, Kind.RISK, 5, 2, ""),
            new Construct("Passive suicidal ideation", Category.SUICIDE, Kind.RISK, 4, 2, ""),
            new Construct("Other suicidal language", Category.SUICIDE, Kind.RISK, 4, 2, ""),
            new Construct("Burdensomeness", Category.SUICIDE, Kind.RISK, 3, 1, ""),
            // the curated suicide library's "to die" counts these: "how many pills to die"
            new Construct("Lethal means for suicide", Category.SUICIDE, Kind.TERM, 0, 0, "means"),
            new Construct("Direct self-injury", Category.SELF_HARM, Kind.RISK, 4, 2, ""),
            new Construct("Bullying", Category.BULLYING, Kind.RISK, 3, 2, ""),
            new Construct("Sexual abuse & harassment", Category.GROOMING, Kind.RISK, 2, 1, ""),
            new Construct("Eating disorders", Category.EATING_DISORDER, Kind.RISK, 2, 1, ""),
            new Construct("Gender & sexual identity", Category.HATE, Kind.IDENTITY, 0, 0, "gender-sexual-identity"));

    private static final Set<String> FIRST_PERSON = Set.of("i", "im", "ive", "me", "my", "myself", "mine");
    private static final String REVIEW = "suicide-risk-lexicon-review.csv";

    private SuicideRiskLexicon() {}

    static PhraseLibrary read(Reader csv) throws IOException, LibraryFormatException {
        Map<String, Integer> review = Review.load(REVIEW);
        ImportedLibrary library = new ImportedLibrary(SOURCE, LICENCE);
        List<CSVRecord> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord record : parser) {
                records.add(record);
                lines.add(CsvLines.firstLine(parser, record));
            }
        } catch (UncheckedIOException e) {
            library.error("line " + (lines.size() + 1) + ": unreadable CSV (" + e.getCause().getMessage() + ")");
            return library.library(NAME, VERSION);
        }
        if (records.isEmpty()) {
            library.error("line 1: empty file; expected the Suicide Risk Lexicon's construct names");
            return library.library(NAME, VERSION);
        }
        List<String> header = records.get(0).toList();
        for (Construct construct : CONSTRUCTS) {
            int column = header.indexOf(construct.column());
            if (column < 0) {
                library.error("line 1: no column '" + construct.column() + "'; is this the Suicide Risk Lexicon v1.0?");
                continue;
            }
            List<String> terms = new ArrayList<>();
            List<Integer> termLines = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                CSVRecord record = records.get(i);
                // the description rows are named in the first column; the terms' rows are numbered
                if (record.size() > column && record.get(0).matches("\\d+") && !record.get(column).isBlank()) {
                    terms.add(record.get(column).strip());
                    termLines.add(lines.get(i));
                }
            }
            if (terms.size() % 2 != 0) {
                library.error("line 1: column '" + construct.column() + "' has " + terms.size()
                        + " terms; expected its terms then as many lemmatised forms");
                continue;
            }
            for (int i = 0; i < terms.size() / 2; i++) {
                add(library, construct, terms.get(i), termLines.get(i), review);
            }
        }
        return library.library(NAME, VERSION);
    }

    private static void add(ImportedLibrary library, Construct construct, String term, int line, Map<String, Integer> review) {
        String normal = ImportedLibrary.normalise(term);
        if (normal == null) {
            return;
        }
        String[] words = normal.split(" ");
        switch (construct.kind()) {
            case TERM -> library.add(term, normal, construct.category(), "en", Levels.of(0), Rule.parse("term"), false,
                    construct.list(), construct.column(), line);
            case IDENTITY -> {
                if (review.getOrDefault(normal, 1) > 0) {
                    library.add(term, normal, construct.category(), "en", Levels.of(0), Rule.parse("term"), true,
                            construct.list(), construct.column(), line);
                }
            }
            case RISK -> {
                boolean firstPerson = false;
                for (String word : words) {
                    firstPerson |= FIRST_PERSON.contains(word);
                }
                int level = firstPerson ? construct.firstPerson() : words.length > 1 ? construct.other() : 0;
                level = review.getOrDefault(normal, level);
                if (level > 0) {
                    library.add(term, normal, construct.category(), "en", Levels.of(level), Rule.ALONE, false,
                            construct.category().id(), construct.column(), line);
                }
            }
        }
    }
}
