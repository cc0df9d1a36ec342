package org.lantern.monitor.text;

/**
 * Turns a text (a search term, a URL's query value, a typed message) into the form phrases are
 * matched in, undoing the ways people hide words: URL escapes, invisible characters, compatibility
 * forms, case, accents, look-alike letters, spelled-out letters and leetspeak; then it reads the
 * ways one word is typed as one (stretched letters, contractions and text-speak written out,
 * English word endings as one stem) and folds repeated letters, in that order (each undoes what
 * would hide the next). Library phrases go through the same normaliser, so the two always agree.
 * Stateless and thread-safe; never throws on text.
 *
 * <p>ICU4J does what Unicode defines (NFKC, case folding, decompositions, confusable skeletons);
 * the obfuscation steps (leetspeak, spelled-out letters, repeated letters, word breaks) and the
 * short forms and word endings have no maintained library that fits (see {@link Inflections}) and
 * are small passes of their own.
 */
public final class Normaliser {

    // One field per step, called in order below rather than through a list: each call site then
    // sees one class, which the JIT can inline; a loop over ten classes is one megamorphic call.
    private static final UrlDecoding URL_DECODING = new UrlDecoding();
    private static final InvisibleCharacters INVISIBLE = new InvisibleCharacters();
    private static final UnicodeNfkc NFKC = new UnicodeNfkc();
    private static final CaseFolding CASE_FOLDING = new CaseFolding();
    private static final Diacritics DIACRITICS = new Diacritics();
    private static final Confusables CONFUSABLES = new Confusables();
    private static final Separators SEPARATORS = new Separators();
    private static final WordBreaks WORD_BREAKS = new WordBreaks();
    private static final Leetspeak LEETSPEAK = new Leetspeak();
    private static final RepeatedLetters STRETCHED_LETTERS = new RepeatedLetters(3);
    private static final Shorthand SHORTHAND = new Shorthand();
    private static final Inflections INFLECTIONS = new Inflections();
    private static final RepeatedLetters REPEATED_LETTERS = new RepeatedLetters();

    /**
     * @param text any text, however malformed (lone surrogates, NUL, right-to-left marks)
     * @return its matching form, with the span of the original each character came from
     */
    public NormalisedText normalise(String text) {
        return normalise(text, true);
    }

    /**
     * The matching form alone, for a first pass: the same characters and steps as
     * {@link #normalise}, without each character's span and steps, which cost three arrays per
     * text. Normalise again with spans when something matched and needs explaining.
     *
     * @param text any text
     * @return its matching form, without spans
     */
    public NormalisedText matchingForm(String text) {
        return normalise(text, false);
    }

    private static NormalisedText normalise(String text, boolean spans) {
        TextBuffer buffer = new TextBuffer(text, spans);
        URL_DECODING.apply(buffer);
        INVISIBLE.apply(buffer);
        NFKC.apply(buffer);
        CASE_FOLDING.apply(buffer);
        DIACRITICS.apply(buffer);
        CONFUSABLES.apply(buffer);
        SEPARATORS.apply(buffer);
        WORD_BREAKS.apply(buffer);
        LEETSPEAK.apply(buffer);
        // stretched letters first, so that a word's ending is read (diiiie is die); doubled
        // letters only after it, as endings are read with them (kissed, cutting)
        STRETCHED_LETTERS.apply(buffer);
        SHORTHAND.apply(buffer);
        INFLECTIONS.apply(buffer);
        REPEATED_LETTERS.apply(buffer);
        // leetspeak turns the symbols it does not read as letters into spaces
        WORD_BREAKS.apply(buffer);
        return new NormalisedText(text, buffer);
    }
}
