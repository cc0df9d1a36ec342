package org.lantern.monitor.model;

import java.util.List;
import org.lantern.monitor.library.Category;

/**
 * What the {@link RiskModel} made of a text it reads as calling for action now, with what it
 * weighed most, so the alert explains itself like a phrase's.
 *
 * @param category    what the text is about
 * @param probability the model's estimate, from its threshold up to 1, that a DSL would act on it now
 * @param words       the parts of the matching form that weighed most towards it, heaviest first
 *                    (a word, two neighbours, or two words with one between), none overlapping another
 * @param spans       where each part is in the matching form, in the same order
 */
public record Reading(Category category, double probability, List<String> words, List<Span> spans) {

    /**
     * @param begin the first matching-form character of a part
     * @param end   one past its last
     */
    public record Span(int begin, int end) {
    }

    public Reading {
        words = List.copyOf(words);
        spans = List.copyOf(spans);
    }

    /** @return the first matching-form character of the parts */
    public int begin() {
        return spans.stream().mapToInt(Span::begin).min().orElse(0);
    }

    /** @return one past the last matching-form character of the parts */
    public int end() {
        return spans.stream().mapToInt(Span::end).max().orElse(0);
    }

    /** @return the words weighed, as one line: {@code want die + nobody + gone} */
    public String explanation() {
        return String.join(" + ", words);
    }
}
