package org.lantern.filter.match;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lantern.filter.url.NormalisedUrl;

/**
 * Matches URLs against squidGuard expressionlists. Patterns are compiled with RE2/J, whose
 * matching time is linear in the input, so no list entry and no crafted URL can stall the filter
 * (squidGuard's POSIX regex can backtrack). Matching is case-insensitive, as squidGuard compiles
 * with {@code REG_ICASE}, and searches anywhere in {@link NormalisedUrl#matchForm()}
 * ({@code host/path?query}), the stripped URL squidGuard matches. Patterns RE2 cannot express,
 * such as backreferences, are rejected at load. Before searching, a cheap check skips patterns
 * whose required literals (see {@link RequiredLiterals}) are absent from the URL.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ExpressionMatcher {

    /** Longest pattern accepted; longer ones are rejected rather than compiled. */
    public static final int MAX_PATTERN_LENGTH = 4096;

    /** A compiled pattern and, when known, literals of which any match contains one. */
    private record Entry(Pattern pattern, ListId list, String[] required) {

        boolean mayMatch(String lowerSubject) {
            if (required == null) {
                return true;
            }
            for (String literal : required) {
                if (lowerSubject.contains(literal)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Entry[] entries;

    private ExpressionMatcher(List<Entry> entries) {
        this.entries = entries.toArray(new Entry[0]);
    }

    /** @return a builder for a new matcher */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of compiled patterns across all lists */
    public int size() {
        return entries.length;
    }

    /**
     * Finds every pattern that occurs in the URL.
     *
     * @param url the normalised request
     * @return matches in list order; empty when none
     */
    public List<Match> match(NormalisedUrl url) {
        if (entries.length == 0) {
            return List.of();
        }
        String subject = url.matchForm();
        // Match forms are ASCII, so lower-casing agrees with RE2's case folding.
        String lower = subject.toLowerCase(Locale.ROOT);
        List<Match> out = null;
        for (Entry e : entries) {
            if (e.mayMatch(lower) && e.pattern().matcher(subject).find()) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(new Match(e.list(), e.pattern().pattern(), MatchKind.EXPRESSION));
            }
        }
        return out == null ? List.of() : out;
    }

    /** Collects and compiles expressionlist entries; not thread-safe. */
    public static final class Builder {

        private final List<Entry> entries = new ArrayList<>();

        private Builder() {}

        /**
         * Compiles and adds one pattern.
         *
         * @param expression the pattern as written in the list (POSIX extended syntax)
         * @param list the list it belongs to
         * @return the pattern as stored
         * @throws InvalidEntryException if RE2/J cannot compile it (e.g. backreferences) or it is
         *     too long
         */
        public String add(String expression, ListId list) throws InvalidEntryException {
            String pattern = expression.strip();
            if (pattern.isEmpty()) {
                throw new InvalidEntryException("empty expression");
            }
            if (pattern.length() > MAX_PATTERN_LENGTH) {
                throw new InvalidEntryException(
                        "expression longer than " + MAX_PATTERN_LENGTH + " characters");
            }
            try {
                Pattern compiled = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
                String[] required =
                        RequiredLiterals.of(pattern).map(l -> l.toArray(new String[0])).orElse(null);
                entries.add(new Entry(compiled, list, required));
            } catch (PatternSyntaxException e) {
                throw new InvalidEntryException("RE2 cannot compile the expression: " + e.getDescription());
            }
            return pattern;
        }

        /** @return the immutable matcher; the builder must not be used afterwards */
        public ExpressionMatcher build() {
            return new ExpressionMatcher(entries);
        }
    }
}
