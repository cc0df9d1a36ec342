package org.lantern.monitor.text;

import com.ibm.icu.text.Normalizer2;

/**
 * Removes accents from Latin, Greek and Cyrillic letters ({@code é} to {@code e}, and Polish
 * {@code ł}, which Unicode does not decompose, to {@code l}), and combining marks stacked on such
 * letters ("zalgo" text). In Arabic script (Arabic, Urdu, Persian) it removes only what writers
 * leave out or add at will: the short-vowel marks (harakat) and the tatweel that stretches a word
 * ({@code مـــوت}). Marks of other scripts are left alone: a Devanagari vowel sign is part of
 * the word, not decoration.
 */
final class Diacritics implements NormalisationStep {

    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    /** Letters with a stroke or a bar, which have no decomposition but read as the plain letter. */
    private static final String STROKED = "łlølđdħhıiŀlŧtɨiƀbɍrƶz";

    @Override
    public void apply(TextBuffer t) {
        if (t.ascii) {
            return;
        }
        int mark = Step.DIACRITICS.bit();
        int n = t.length;
        int w = 0;
        int r = 0;
        boolean afterStrippable = false;
        while (r < n) {
            int cp = CharKinds.codePointAt(t, r);
            int units = Character.charCount(cp);
            if (cp < 0x80) {
                t.move(w++, r);
                afterStrippable = Character.isLetter(cp);
            } else if (isArabicOptional(cp)) {
                dropInto(t, w, r + units - 1, mark);
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (afterStrippable) {
                    dropInto(t, w, r + units - 1, mark);
                } else {
                    for (int k = 0; k < units; k++) {
                        t.move(w++, r + k);
                    }
                }
            } else {
                afterStrippable = isStrippable(cp);
                int stroked = STROKED.indexOf(cp);
                String decomposition = afterStrippable ? NFD.getDecomposition(cp) : null;
                if (stroked >= 0 && stroked % 2 == 0) {
                    t.put(w++, STROKED.charAt(stroked + 1), r, r + units, mark);
                } else if (decomposition != null && Character.charCount(decomposition.codePointAt(0)) == 1
                        && isStrippable(decomposition.charAt(0))) {
                    t.put(w++, decomposition.charAt(0), r, r + units, mark);
                } else {
                    for (int k = 0; k < units; k++) {
                        t.move(w++, r + k);
                    }
                }
            }
            r += units;
        }
        t.length = w;
    }

    /** Drops a mark, the character before it taking over its span, so a match still shows it. */
    private static void dropInto(TextBuffer t, int w, int last, int mark) {
        t.stepBits |= mark;
        if (w > 0) {
            t.mark(w - 1, mark);
            t.extend(w - 1, last);
        }
    }

    /** Harakat, the superscript alef and the tatweel: optional in Arabic-script writing. */
    private static boolean isArabicOptional(int cp) {
        return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640;
    }

    private static boolean isStrippable(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC;
    }
}
