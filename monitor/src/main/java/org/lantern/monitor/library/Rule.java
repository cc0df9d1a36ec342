package org.lantern.monitor.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a phrase found in a text raises a match. Written in a library as clauses separated by
 * {@code ;}:
 * <ul>
 * <li>{@code alone} (or blank): whenever it is found;</li>
 * <li>{@code term}: never by itself; it only counts as a co-occurring term of its list for other
 *     phrases (identity terms are always terms);</li>
 * <li>{@code with:LIST}: only when a phrase of list {@code LIST} is also in the text
 *     ("overdose" with a method);</li>
 * <li>{@code not-with:LIST}: not when a phrase of list {@code LIST} is also in the text ("isis"
 *     with Egyptian mythology);</li>
 * <li>{@code raise-with:LIST}: one level higher (at most 5) when a phrase of list {@code LIST} is
 *     also in the text: the bare word is a concern, the same word with a method, a plan, a time or
 *     the writer's own intent ("how to", "tonight", "i want to") is more of one;</li>
 * <li>{@code not-in:CONTEXT|CONTEXT}: not where it is part of one of these longer phrases
 *     ({@code suicide squad}, {@code kill -9}); each context must contain the phrase.</li>
 * </ul>
 * Contexts are literal text, normalised like everything else; nothing is a regular expression.
 */
public record Rule(String text, boolean term, Optional<String> withList, Optional<String> notWithList,
        Optional<String> raiseWithList, List<String> notIn) {

    /** The rule of a phrase with no conditions. */
    public static final Rule ALONE = new Rule("alone", false, Optional.empty(), Optional.empty(), Optional.empty(),
            List.of());

    public Rule {
        notIn = List.copyOf(notIn);
    }

    /**
     * @param text a rule as written in a library
     * @return the rule
     * @throws IllegalArgumentException saying what is wrong, for a line-numbered error
     */
    public static Rule parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals("alone")) {
            return ALONE;
        }
        boolean term = false;
        String with = null;
        String notWith = null;
        String raiseWith = null;
        List<String> notIn = new ArrayList<>();
        for (String raw : trimmed.split(";")) {
            String clause = raw.strip();
            if (clause.equals("term")) {
                term = true;
            } else if (clause.equals("alone")) {
                throw new IllegalArgumentException("rule '" + trimmed + "': 'alone' cannot be combined with other clauses");
            } else if (clause.startsWith("with:")) {
                with = list(clause, "with:", with);
            } else if (clause.startsWith("not-with:")) {
                notWith = list(clause, "not-with:", notWith);
            } else if (clause.startsWith("raise-with:")) {
                raiseWith = list(clause, "raise-with:", raiseWith);
            } else if (clause.startsWith("not-in:")) {
                for (String context : clause.substring("not-in:".length()).split("\\|")) {
                    if (context.isBlank()) {
                        throw new IllegalArgumentException("rule '" + trimmed + "': empty context in not-in");
                    }
                    notIn.add(context.strip());
                }
            } else {
                throw new IllegalArgumentException("rule '" + clause
                        + "' is not one of alone, term, with:LIST, not-with:LIST, raise-with:LIST, not-in:CONTEXT|CONTEXT");
            }
        }
        if (term && (with != null || notWith != null || raiseWith != null || !notIn.isEmpty())) {
            throw new IllegalArgumentException("rule '" + trimmed + "': a term never alerts, so it takes no other clause");
        }
        return new Rule(trimmed, term, Optional.ofNullable(with), Optional.ofNullable(notWith),
                Optional.ofNullable(raiseWith), notIn);
    }

    private static String list(String clause, String prefix, String previous) {
        if (previous != null) {
            throw new IllegalArgumentException("rule has two '" + prefix + "' clauses");
        }
        String list = clause.substring(prefix.length()).strip();
        if (!list.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("rule '" + clause + "': list names are lower-case letters, digits and '-'");
        }
        return list;
    }

    @Override
    public String toString() {
        return text;
    }
}
