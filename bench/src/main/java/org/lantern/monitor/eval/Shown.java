package org.lantern.monitor.eval;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.match.ClassificationJson;
import org.lantern.monitor.match.Match;
import org.lantern.monitor.model.LabelledText;

/**
 * What a report may show of a text and its matches. Child-abuse ({@code illegal}) words are
 * masked as the product masks them ({@link ClassificationJson#mask}): a text labelled illegal is
 * shown as its first letter and asterisks, and so is every illegal match; the set's line number
 * says where to find the text.
 */
final class Shown {

    private Shown() {}

    /** @return the outcome's text, masked where it is illegal content */
    static String text(Outcome outcome) {
        return masked(outcome, outcome.expected().text());
    }

    /** @return the outcome's matching form, masked where it is illegal content */
    static String normalised(Outcome outcome) {
        return masked(outcome, outcome.normalised());
    }

    /** @return the match's phrase, masked when it is illegal content */
    static String phrase(Match match) {
        return illegal(match) ? ClassificationJson.mask(match.phrase()) : match.phrase();
    }

    /** @return the words the match covered, masked when it is illegal content */
    static String original(Match match) {
        return illegal(match) ? ClassificationJson.mask(match.original()) : match.original();
    }

    /** @return the match's matching form, masked when it is illegal content */
    static String matchNormalised(Match match) {
        return illegal(match) ? ClassificationJson.mask(match.normalised()) : match.normalised();
    }

    /** @return the ids of the categories, in the enum's order, joined with {@code |}; {@code -} for none */
    static String categories(Set<Category> categories) {
        if (categories.isEmpty()) {
            return "-";
        }
        Set<Category> sorted = EnumSet.copyOf(categories);
        return sorted.stream().map(Category::id).collect(Collectors.joining("|"));
    }

    /** @return how many cases have each key, most first, then by key */
    static Map<String, Long> counts(List<LabelledText> cases, Function<LabelledText, Collection<String>> keys) {
        Map<String, Long> counts = new TreeMap<>();
        for (LabelledText c : cases) {
            for (String key : keys.apply(c)) {
                counts.merge(key, 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static boolean illegal(Match match) {
        return match.category() == Category.ILLEGAL;
    }

    private static String masked(Outcome outcome, String text) {
        if (outcome.expected().expectedCategories().contains(Category.ILLEGAL)) {
            return ClassificationJson.mask(text);
        }
        String shown = text;
        for (Match match : outcome.matches()) {
            if (illegal(match) && !match.original().isEmpty()) {
                shown = shown.replace(match.original(), ClassificationJson.mask(match.original()))
                        .replace(match.normalised(), ClassificationJson.mask(match.normalised()));
            }
        }
        return shown;
    }
}
