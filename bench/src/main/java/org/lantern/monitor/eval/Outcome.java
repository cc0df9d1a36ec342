package org.lantern.monitor.eval;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.match.Classification;
import org.lantern.monitor.match.Match;
import org.lantern.monitor.model.LabelledText;

/**
 * What the monitor made of one labelled text, beside what it should have made of it.
 *
 * @param expected    the labelled text
 * @param level       the level the monitor gave it
 * @param categories  the categories of every match (help-seeking ones too)
 * @param helpSeeking whether the monitor labelled it help-seeking
 * @param normalised  the text's matching form
 * @param matches     the monitor's matches, each explaining itself
 */
public record Outcome(LabelledText expected, int level, Set<Category> categories, boolean helpSeeking,
        String normalised, List<Match> matches) {

    public Outcome {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(categories);
        matches = List.copyOf(matches);
    }

    /**
     * @param expected       the labelled text
     * @param classification what the matcher made of it
     * @return the outcome
     */
    public static Outcome of(LabelledText expected, Classification classification) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        classification.matches().forEach(m -> categories.add(m.category()));
        return new Outcome(expected, classification.level(), categories, classification.helpSeeking(),
                classification.normalised(), classification.matches());
    }

    /** @return whether the monitor raised an alert (level 3 or more) */
    public boolean alerted() {
        return level >= Evaluation.ALERT;
    }

    /** @return what is wrong with the outcome, most serious first; empty when it is right */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (expected.shouldAlert() && !alerted()) {
            problems.add(Problem.MISSED_ALERT);
        }
        if (!expected.shouldAlert() && alerted()) {
            problems.add(Problem.FALSE_ALARM);
        }
        if (expected.actNow() && level == Evaluation.ALERT) {
            problems.add(Problem.UNDER_RATED);
        }
        if (!categories.containsAll(expected.expectedCategories())) {
            problems.add(Problem.CATEGORY_MISSED);
        }
        if (!expected.expectedCategories().containsAll(categories)) {
            problems.add(Problem.WRONG_CATEGORY);
        }
        if (expected.helpSeeking() && !helpSeeking) {
            problems.add(Problem.HELP_SEEKING_MISSED);
        }
        if (!expected.helpSeeking() && helpSeeking) {
            problems.add(Problem.HELP_SEEKING_WRONG);
        }
        return problems;
    }

    /** @return the expected categories the monitor did not find */
    public Set<Category> missedCategories() {
        Set<Category> missed = EnumSet.noneOf(Category.class);
        missed.addAll(expected.expectedCategories());
        missed.removeAll(categories);
        return missed;
    }

    /** @return the categories the monitor found that the label does not have */
    public Set<Category> extraCategories() {
        Set<Category> extra = EnumSet.noneOf(Category.class);
        extra.addAll(categories);
        extra.removeAll(expected.expectedCategories());
        return extra;
    }

    /** One way an outcome differs from its label; a miss loses a risk, a false alarm invents one. */
    public enum Problem {
        /** A text of level 3 or more got no alert. */
        MISSED_ALERT("missed alert", true),
        /** A text below level 3 got an alert. */
        FALSE_ALARM("false alarm", false),
        /** A text of level 4 or 5 got level 3: an alert, but not one to act on now. */
        UNDER_RATED("under-rated (3, not act now)", true),
        /** A category of the label was not found. */
        CATEGORY_MISSED("category missed", true),
        /** A category was found that the label does not have. */
        WRONG_CATEGORY("category not in the label", false),
        /** A help-seeking text was not labelled so. */
        HELP_SEEKING_MISSED("help-seeking not labelled", true),
        /** A text was labelled help-seeking that is not. */
        HELP_SEEKING_WRONG("labelled help-seeking wrongly", false);

        private final String label;
        private final boolean miss;

        Problem(String label, boolean miss) {
            this.label = label;
            this.miss = miss;
        }

        /** @return how the problem reads in a report */
        public String label() {
            return label;
        }

        /** @return whether it is a miss (something not found), else a false alarm (something wrongly found) */
        public boolean miss() {
            return miss;
        }
    }
}
