package org.lantern.monitor.lexicon;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseLibrary;

/**
 * Imports outside lexicons as phrase libraries, read by path where a school keeps them (Lantern
 * never ships or copies them): the Suicide Risk Lexicon v1.0 (Apache-2.0) and LDNOOBW (CC BY 4.0).
 * Every entry records its source (with the construct or language it came from) and licence, and
 * its line in the lexicon's file, so a match explains itself as a curated one does. A lexicon
 * with any problem loads nothing: the error lists every problem with its file's line.
 */
public final class LexiconImport {

    /** The Suicide Risk Lexicon's file name in a lexicons directory. */
    public static final String SUICIDE_RISK_LEXICON_FILE = "suicide-risk-lexicon-v1.0.csv";
    /** LDNOOBW's directory name in a lexicons directory. */
    public static final String LDNOOBW_DIRECTORY = "ldnoobw";

    private LexiconImport() {}

    /**
     * @param file the lexicon's CSV file
     * @return library {@code suicide-risk-lexicon}: its alert-worthy constructs as Lantern categories
     *         and levels, lethal means and gender and sexual identities as terms
     * @throws IOException            if the file cannot be read
     * @throws LibraryFormatException if it is not the lexicon's layout, or a term cannot be a phrase
     */
    public static PhraseLibrary suicideRiskLexicon(Path file) throws IOException, LibraryFormatException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return SuicideRiskLexicon.read(reader);
        }
    }

    /**
     * @param dir the directory of LDNOOBW's language files ({@code en}, {@code fr}...); those missing are skipped
     * @return library {@code ldnoobw}: every term {@code pornography} at a note's level
     * @throws NoSuchFileException    if the directory has none of its language files
     * @throws IOException            if a file cannot be read
     * @throws LibraryFormatException if a line is not UTF-8 or cannot be a phrase
     */
    public static PhraseLibrary ldnoobw(Path dir) throws IOException, LibraryFormatException {
        return Ldnoobw.read(dir);
    }

    /**
     * @param dir a lexicons directory: {@value #SUICIDE_RISK_LEXICON_FILE} and/or {@value #LDNOOBW_DIRECTORY}/
     * @return the lexicons it has
     * @throws NoSuchFileException    if it has neither
     * @throws IOException            if one cannot be read
     * @throws LibraryFormatException if one is malformed, naming each one's problems by file and line
     */
    public static List<PhraseLibrary> fromDirectory(Path dir) throws IOException, LibraryFormatException {
        List<PhraseLibrary> libraries = new ArrayList<>();
        Path suicideRisk = dir.resolve(SUICIDE_RISK_LEXICON_FILE);
        List<String> errors = new ArrayList<>();
        if (Files.isRegularFile(suicideRisk)) {
            try {
                libraries.add(suicideRiskLexicon(suicideRisk));
            } catch (LibraryFormatException e) {
                e.errors().forEach(error -> errors.add(SUICIDE_RISK_LEXICON_FILE + " " + error));
            }
        }
        Path ldnoobw = dir.resolve(LDNOOBW_DIRECTORY);
        if (Files.isDirectory(ldnoobw)) {
            try {
                libraries.add(ldnoobw(ldnoobw));
            } catch (LibraryFormatException e) {
                e.errors().forEach(error -> errors.add(LDNOOBW_DIRECTORY + "/" + error));
            }
        }
        if (!errors.isEmpty()) {
            throw new LibraryFormatException(errors);
        }
        if (libraries.isEmpty()) {
            throw new NoSuchFileException(dir.toString(), null,
                    "no lexicon in it (" + SUICIDE_RISK_LEXICON_FILE + " or " + LDNOOBW_DIRECTORY + "/)");
        }
        return List.copyOf(libraries);
    }
}
