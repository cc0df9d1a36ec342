package org.lantern.filter.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds literal strings of which at least one must occur in any text a pattern matches, so the
 * expensive RE2/J search runs only for URLs containing one of them (RE2/J has no such prefilter of
 * its own, and its case-insensitive search costs microseconds per pattern per URL).
 *
 * <p>Hand-written, conservative parser for the common subset of POSIX / RE2 syntax: anything it
 * does not fully understand ({@code (?} flags, non-ASCII, odd braces) yields no requirement, so
 * the pattern is always searched. A wrong requirement would silently stop a block, so every
 * optional piece ({@code ?}, {@code *}, {@code {0,}}) contributes nothing. Literals are
 * lower-cased, since expressions match case-insensitively and match forms are ASCII.
 */
final class RequiredLiterals {

    /** Requirements shorter than this filter too little to be worth checking. */
    private static final int MIN_LENGTH = 3;

    private static final String META = "\\^$.|?*+()[]{}";

    private final String pattern;
    private int pos;

    private RequiredLiterals(String pattern) {
        this.pattern = pattern;
    }

    /**
     * @param pattern a pattern that RE2/J has already compiled
     * @return literals of which any match must contain at least one, or empty for "no useful
     *     requirement"
     */
    static Optional<List<String>> of(String pattern) {
        try {
            RequiredLiterals parser = new RequiredLiterals(pattern);
            List<String> found = parser.alternation();
            if (parser.pos != pattern.length() || found == null) {
                return Optional.empty();
            }
            for (String literal : found) {
                if (literal.length() < MIN_LENGTH) {
                    return Optional.empty();
                }
            }
            return Optional.of(List.copyOf(found));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** Thrown for syntax the parser does not handle; never escapes {@link #of(String)}. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** @return any-of literals required by every branch, or null when some branch requires none */
    private List<String> alternation() throws Unsupported {
        List<String> all = new ArrayList<>();
        boolean everyBranch = true;
        while (true) {
            List<String> branch = concatenation();
            if (branch == null) {
                everyBranch = false;
            } else {
                all.addAll(branch);
            }
            if (pos < pattern.length() && pattern.charAt(pos) == '|') {
                pos++;
            } else {
                return everyBranch ? all : null;
            }
        }
    }

    /** @return the most selective requirement of one branch, or null when it requires nothing */
    private List<String> concatenation() throws Unsupported {
        List<String> best = null;
        StringBuilder run = new StringBuilder();
        while (pos < pattern.length() && pattern.charAt(pos) != '|' && pattern.charAt(pos) != ')') {
            char c = pattern.charAt(pos);
            String literal = null;
            List<String> group = null;
            boolean groupSeen = false;
            if (c == '(') {
                pos++;
                if (pos < pattern.length() && pattern.charAt(pos) == '?') {
                    throw new Unsupported();
                }
                group = alternation();
                expect(')');
                groupSeen = true;
            } else if (c == '[') {
                skipClass();
            } else if (c == '\\') {
                if (pos + 1 >= pattern.length()) {
                    throw new Unsupported();
                }
                char escaped = pattern.charAt(pos + 1);
                pos += 2;
                if (escaped >= 0x80) {
                    throw new Unsupported();
                }
                if (!Character.isLetterOrDigit(escaped)) {
                    literal = String.valueOf(escaped);
                } else if ("dDwWsSbBAznrtfv".indexOf(escaped) < 0) {
                    // Escapes with arguments (\x41, \p{L}, \Q...\E) would be misread as literals.
                    throw new Unsupported();
                }
            } else if (c == '.' || c == '^' || c == '$') {
                pos++;
            } else if (c >= 0x80 || c < 0x20 || c == '{' || c == '}' || c == ']' || META.indexOf(c) >= 0) {
                throw new Unsupported();
            } else {
                literal = String.valueOf(c);
                pos++;
            }
            Quantifier q = quantifier();
            if (literal != null && q == Quantifier.ONCE) {
                run.append(literal);
                continue;
            }
            best = better(best, run);
            run.setLength(0);
            if (q != Quantifier.OPTIONAL) {
                if (literal != null) {
                    run.append(literal);
                    best = better(best, run);
                    run.setLength(0);
                } else if (groupSeen && group != null) {
                    best = better(best, group);
                }
            }
        }
        return better(best, run);
    }

    private enum Quantifier {
        ONCE,
        AT_LEAST_ONCE,
        OPTIONAL
    }

    private Quantifier quantifier() throws Unsupported {
        Quantifier result = Quantifier.ONCE;
        while (pos < pattern.length()) {
            char c = pattern.charAt(pos);
            if (c == '?' || c == '*') {
                result = Quantifier.OPTIONAL;
                pos++;
            } else if (c == '+') {
                result = result == Quantifier.OPTIONAL ? result : Quantifier.AT_LEAST_ONCE;
                pos++;
            } else if (c == '{') {
                int close = pattern.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                String body = pattern.substring(pos + 1, close);
                if (!body.matches("[0-9]+(,[0-9]*)?")) {
                    throw new Unsupported();
                }
                int min = Integer.parseInt(body.split(",")[0]);
                result = min == 0 || result == Quantifier.OPTIONAL ? Quantifier.OPTIONAL : Quantifier.AT_LEAST_ONCE;
                pos = close + 1;
            } else {
                break;
            }
        }
        return result;
    }

    private void skipClass() throws Unsupported {
        pos++;
        if (pos < pattern.length() && pattern.charAt(pos) == '^') {
            pos++;
        }
        if (pos < pattern.length() && pattern.charAt(pos) == ']') {
            pos++;
        }
        while (pos < pattern.length()) {
            char c = pattern.charAt(pos);
            if (c == ']') {
                pos++;
                return;
            }
            if (c == '\\') {
                pos += 2;
            } else if (c == '[' && pos + 1 < pattern.length() && pattern.charAt(pos + 1) == ':') {
                int close = pattern.indexOf(":]", pos + 2);
                if (close < 0) {
                    throw new Unsupported();
                }
                pos = close + 2;
            } else {
                pos++;
            }
        }
        throw new Unsupported();
    }

    private void expect(char c) throws Unsupported {
        if (pos >= pattern.length() || pattern.charAt(pos) != c) {
            throw new Unsupported();
        }
        pos++;
    }

    private static List<String> better(List<String> current, CharSequence run) {
        if (run.length() == 0) {
            return current;
        }
        return better(current, List.of(run.toString().toLowerCase(Locale.ROOT)));
    }

    /** Prefers the requirement whose shortest literal is longest: it rejects the most URLs. */
    private static List<String> better(List<String> current, List<String> candidate) {
        if (current == null) {
            return candidate;
        }
        return shortest(candidate) > shortest(current) ? candidate : current;
    }

    private static int shortest(List<String> literals) {
        int min = Integer.MAX_VALUE;
        for (String s : literals) {
            min = Math.min(min, s.length());
        }
        return min;
    }
}
