package org.lantern.monitor.text;

import java.util.List;

/**
 * Turns a text (a search term, a URL's query value, a typed message) into the form phrases are
 * matched in, undoing the ways people hide words: URL escapes, invisible characters, compatibility
 * forms, case, accents, look-alike letters, spelled-out letters, leetspeak and repeated letters,
 * in that order (each undoes what would hide the next). Library phrases go through the same
 * normaliser, so the two always agree. Stateless and thread-safe; never throws on text.
 */
public final class Normaliser {

    private static final List<NormalisationStep> STEPS = List.of(
            new UrlDecoding(),
            new InvisibleCharacters(),
            new UnicodeNfkc(),
            new CaseFolding(),
            new Diacritics(),
            new Confusables(),
            new Separators(),
            new WordBreaks(),
            new Leetspeak(),
            new RepeatedLetters(),
            // leetspeak turns symbols it does not read as letters into spaces
            new WordBreaks());

    /**
     * @param text any text, however malformed (lone surrogates, NUL, right-to-left marks)
     * @return its matching form, with the span of the original each character came from
     */
    public NormalisedText normalise(String text) {
        TextBuffer buffer = new TextBuffer(text);
        for (NormalisationStep step : STEPS) {
            step.apply(buffer);
        }
        return new NormalisedText(text, buffer);
    }
}
