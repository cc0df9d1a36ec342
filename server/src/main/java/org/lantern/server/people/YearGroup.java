package org.lantern.server.people;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A National Curriculum year group, Reception to Year 13, and the key stage it belongs to.
 * The code ("R", "1".."13") is what is stored.
 */
public enum YearGroup {
    R, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13;

    private static final Pattern NUMBERED = Pattern.compile("(?:year|yr|y|nc year)?\\s*(\\d{1,2})");

    /** "R" or the year number, as stored and shown. */
    public String code() {
        return this == R ? "R" : name().substring(1);
    }

    /** "Reception" or "Year 6". */
    public String label() {
        return this == R ? "Reception" : "Year " + code();
    }

    public KeyStage keyStage() {
        return switch (this) {
            case R -> KeyStage.EYFS;
            case Y1, Y2 -> KeyStage.KS1;
            case Y3, Y4 -> KeyStage.LKS2;
            case Y5, Y6 -> KeyStage.UKS2;
            case Y7, Y8, Y9 -> KeyStage.KS3;
            case Y10, Y11 -> KeyStage.KS4;
            case Y12, Y13 -> KeyStage.KS5;
        };
    }

    /** Reads the spellings MIS exports use: "R", "Rec", "Reception", "YR", "6", "Y6", "Year 6", "NC Year 6". */
    public static Optional<YearGroup> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("r") || t.equals("rec") || t.equals("reception") || t.equals("yr") || t.equals("year r")) {
            return Optional.of(R);
        }
        Matcher m = NUMBERED.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= 13) {
                return Optional.of(values()[n]);
            }
        }
        return Optional.empty();
    }

    /** The year group for a stored code. */
    public static YearGroup ofCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("not a year group: " + code));
    }
}
