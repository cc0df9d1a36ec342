package org.lantern.monitor.text;

import com.ibm.icu.text.SpoofChecker;

/**
 * Writes Cyrillic and Greek look-alikes of Latin letters as those letters ({@code ѕuicide} with a
 * Cyrillic dze, {@code kіll} with a Ukrainian i), using ICU's confusable skeletons (Unicode
 * TS #39). Only in a word that mixes them with Latin letters, or made wholly of look-alikes: a
 * Russian or Greek word with any letter that has no Latin twin stays as written, and no other
 * script (Arabic, Urdu, Hebrew, Devanagari...) is ever touched. Library phrases go through the
 * same step, so a Russian phrase still matches its own words.
 */
final class Confusables implements NormalisationStep {

    /** Latin letter for each Cyrillic or Greek look-alike, 0 where there is none. */
    private static final char[] LATIN = new char[0x2000];

    static {
        SpoofChecker checker = new SpoofChecker.Builder().build();
        for (int cp = 0x0370; cp < 0x2000; cp++) {
            boolean greekOrCyrillic = (cp < 0x0530) || (cp >= 0x1C80 && cp < 0x1C90) || cp >= 0x1F00;
            if (!greekOrCyrillic || !Character.isLetter(cp)) {
                continue;
            }
            String skeleton = checker.getSkeleton(new String(Character.toChars(cp)));
            if (skeleton.length() == 1) {
                char latin = Character.toLowerCase(skeleton.charAt(0));
                if (latin >= 'a' && latin <= 'z') {
                    LATIN[cp] = latin;
                }
            }
        }
    }

    /** @return the Latin twin of {@code cp}, or 0 */
    static char latinTwin(int cp) {
        return cp >= 0x0370 && cp < LATIN.length ? LATIN[cp] : 0;
    }

    @Override
    public void apply(TextBuffer t) {
        if (t.ascii) {
            return;
        }
        char[] c = t.chars;
        int n = t.length;
        int mark = Step.CONFUSABLES.bit();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(c[i])) {
                i++;
                continue;
            }
            int end = i;
            boolean latin = false;
            boolean twins = false;
            boolean foreign = false;
            while (end < n && Character.isLetter(c[end])) {
                char ch = c[end];
                if (ch < 0x80) {
                    latin = true;
                } else if (latinTwin(ch) != 0) {
                    twins = true;
                } else if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.LATIN) {
                    latin = true;
                } else {
                    foreign = true;
                }
                end++;
            }
            if (twins && (latin || !foreign)) {
                for (int k = i; k < end; k++) {
                    char twin = latinTwin(c[k]);
                    if (twin != 0) {
                        c[k] = twin;
                        t.mark(k, mark);
                    }
                }
            }
            i = end;
        }
    }
}
