package org.lantern.server.people;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The DfE Unique Pupil Number: a check letter then 12 characters (11 digits and a final digit, or a
 * final letter for a temporary UPN). The check letter is the modulo-23 weighted sum of characters
 * 2 to 13 (weight = position), mapped to the alphabet without I, O and S.
 */
public final class Upn {

    private static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("[A-Z]\\d{11}[0-9A-Z]");

    private Upn() {
    }

    /** Upper-cases and strips spaces, the forms an MIS may export. */
    public static String normalise(String upn) {
        return upn.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the text has the UPN shape (check letter, 11 digits, digit or letter). */
    public static boolean hasValidShape(String upn) {
        return SHAPE.matcher(upn).matches() && LETTERS.indexOf(upn.charAt(0)) >= 0
                && (Character.isDigit(upn.charAt(12)) || LETTERS.indexOf(upn.charAt(12)) >= 0);
    }

    /** Whether the text is a well-formed UPN with the right check letter. */
    public static boolean isValid(String upn) {
        return hasValidShape(upn) && upn.charAt(0) == checkLetter(upn.substring(1));
    }

    /** The check letter for the 12 characters after it. */
    public static char checkLetter(String body) {
        if (body.length() != 12) {
            throw new IllegalArgumentException("a UPN body has 12 characters");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : LETTERS.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a UPN character: " + c);
            }
            sum += value * (i + 2);
        }
        return LETTERS.charAt(sum % 23);
    }
}
