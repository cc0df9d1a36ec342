package org.lantern.monitor.lexicon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.text.Normaliser;

/**
 * The libraries a matcher is built from: Lantern's curated libraries, and the outside lexicons a
 * school has, imported beneath them. Where both list a phrase, the curated entry stands alone (it
 * carries the contexts and age bands a lexicon cannot), so one text never shows the same phrase
 * twice; and an imported phrase that is an identity term anywhere ("bissexual" in a profanity
 * list) is left out, since an identity is never a risk.
 */
public final class MonitorLibraries {

    private static final Normaliser NORMALISER = new Normaliser();

    private MonitorLibraries() {}

    /** @return the curated libraries alone */
    public static List<PhraseLibrary> curated() {
        return CuratedLibraries.load();
    }

    /**
     * @param lexicons a lexicons directory ({@link LexiconImport#fromDirectory}), or {@code null} for none
     * @return the curated libraries, then the lexicons found there
     * @throws IOException            if it has no lexicon, or one cannot be read
     * @throws LibraryFormatException if one is malformed
     */
    public static List<PhraseLibrary> withLexicons(Path lexicons) throws IOException, LibraryFormatException {
        return lexicons == null ? curated() : combine(curated(), LexiconImport.fromDirectory(lexicons));
    }

    /**
     * @param curated  libraries whose entries stand as written
     * @param imported libraries whose entries give way to them
     * @return the curated libraries, then the imported ones without the phrases the curated have
     *         and without risk phrases that are identity terms in any of them
     */
    public static List<PhraseLibrary> combine(List<PhraseLibrary> curated, List<PhraseLibrary> imported) {
        Set<String> curatedPhrases = new HashSet<>();
        Set<String> identities = new HashSet<>();
        for (PhraseLibrary library : curated) {
            collect(library, curatedPhrases, identities);
        }
        for (PhraseLibrary library : imported) {
            collect(library, new HashSet<>(), identities);
        }
        List<PhraseLibrary> all = new ArrayList<>(curated);
        for (PhraseLibrary library : imported) {
            List<PhraseEntry> kept = new ArrayList<>();
            for (PhraseEntry entry : library.entries()) {
                String normal = normal(entry);
                if (!curatedPhrases.contains(normal) && (entry.identity() || !identities.contains(normal))) {
                    kept.add(entry);
                }
            }
            all.add(new PhraseLibrary(library.name(), library.version(), kept));
        }
        return List.copyOf(all);
    }

    private static void collect(PhraseLibrary library, Set<String> phrases, Set<String> identities) {
        for (PhraseEntry entry : library.entries()) {
            String normal = normal(entry);
            phrases.add(normal);
            if (entry.identity()) {
                identities.add(normal);
            }
        }
    }

    private static String normal(PhraseEntry entry) {
        return NORMALISER.normalise(entry.phrase()).text();
    }
}
