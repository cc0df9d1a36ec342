package org.lantern.monitor.lexicon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.Levels;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.library.Rule;

/**
 * Reads LDNOOBW (the List of Dirty, Naughty, Obscene and Otherwise Bad Words, CC BY 4.0): one
 * file per language, named by its code, one term a line. It is a list of profanity, not of risk,
 * and many of its entries are ordinary words in some sense ("aranha", "bastardo"), so every term
 * is {@code pornography} at a note's level, never an alert by itself: 1 for a single word, 2 for a
 * phrase of several words (which is specific: "ball gag"), 0 for staff. A school that wants more
 * raises a level in its own library. {@code ldnoobw-review.csv} leaves out the entries that are
 * everyday words of another language Lantern reads, or become one once normalised ({@code aand}
 * reads as {@code and}), each with its reason.
 */
final class Ldnoobw {

    static final String NAME = "ldnoobw";
    static final String SOURCE = "ldnoobw";
    static final String LICENCE = "CC-BY-4.0";
    /** The languages it has, as its files are named. */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "pl", "pt", "it", "ar", "hi");
    private static final String REVIEW = "ldnoobw-review.csv";

    private Ldnoobw() {}

    static PhraseLibrary read(Path dir) throws IOException, LibraryFormatException {
        ImportedLibrary library = new ImportedLibrary(SOURCE, LICENCE);
        Set<String> leftOut = Review.load(REVIEW).keySet();
        MessageDigest digest = sha256();
        boolean any = false;
        for (String language : LANGUAGES) {
            Path file = dir.resolve(language);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            any = true;
            byte[] bytes = Files.readAllBytes(file);
            digest.update(bytes);
            read(library, language, bytes, leftOut);
        }
        if (!any) {
            throw new NoSuchFileException(dir.toString(), null,
                    "no LDNOOBW language file (" + String.join(", ", LANGUAGES) + ") in it");
        }
        // LDNOOBW has no releases: the files' digest names the exact lists an alert came from
        return library.library(NAME, "sha256:" + HexFormat.of().formatHex(digest.digest(), 0, 6));
    }

    private static void read(ImportedLibrary library, String language, byte[] bytes, Set<String> leftOut) {
        int line = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            line++;
            try {
                String term = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, end - start)).toString().strip();
                if (!term.isEmpty()) {
                    add(library, language, term, line, leftOut);
                }
            } catch (CharacterCodingException e) {
                library.error(language + " line " + line + ": not UTF-8 text");
            }
            start = end + 1;
        }
    }

    private static void add(ImportedLibrary library, String language, String term, int line, Set<String> leftOut) {
        String normal = ImportedLibrary.normalise(term);
        if (normal == null || leftOut.contains(normal)) {
            return;
        }
        Levels levels = Levels.of(normal.indexOf(' ') < 0 ? 1 : 2).with(AgeBand.STAFF, 0);
        library.add(term, normal, Category.PORNOGRAPHY, language, levels, Rule.ALONE, false,
                NAME, language, line);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
