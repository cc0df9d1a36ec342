package org.lantern.monitor.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.lantern.monitor.model.LabelledText.Kind;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.match.Match;
import org.lantern.monitor.text.Step;
import org.lantern.monitor.model.LabelledSet;
import org.lantern.monitor.model.LabelledText;

/**
 * The evaluation as a person reads it: each miss and false alarm with the explanation the monitor
 * gave (or that nothing matched), then the set's composition, then the scores with issue 17's
 * goals beside them, last so they are what the terminal shows.
 */
final class TextReport {

    private final PrintStream out;

    TextReport(PrintStream out) {
        this.out = out;
    }

    void set(LabelledSet set, List<Outcome> outcomes, Scores scores, List<ThresholdScores> thresholds) {
        out.printf("== %s: %d texts%n", set.name(), set.cases().size());
        problems("Misses (a risk not found, under-rated, a category missed, help-seeking not labelled)",
                outcomes, p -> p.miss());
        problems("False alarms (an alert on a text below 3, a category not in the label, help-seeking wrongly labelled)",
                outcomes, p -> !p.miss());
        composition(set);
        scores(scores);
        if (!thresholds.isEmpty()) {
            out.printf("%n-- The risk model's threshold: what each would find and cost%n");
            out.printf("%-10s %-22s %s%n", "threshold", "act now (4-5 at 4+)", "benign look-alikes at 3+");
            thresholds.forEach(t -> out.printf(Locale.ROOT, "%-10.2f %-22s %s%n", t.threshold(), t.actNow(), t.benignAlerts()));
        }
    }

    private void problems(String title, List<Outcome> outcomes, Predicate<Outcome.Problem> which) {
        List<Outcome> listed = outcomes.stream().filter(o -> o.problems().stream().anyMatch(which)).toList();
        out.printf("%n-- %s: %d%n", title, listed.size());
        for (Outcome o : listed) {
            LabelledText c = o.expected();
            String problems = o.problems().stream().filter(which).map(Outcome.Problem::label).collect(Collectors.joining(", "));
            out.printf("line %d [%s %s] expected %d %s%s, got %d %s%s: %s%n  %s%n", c.line(), c.language(), c.kind().id(),
                    c.expectedLevel(), Shown.categories(c.expectedCategories()), c.helpSeeking() ? " help-seeking" : "",
                    o.level(), Shown.categories(o.categories()), o.helpSeeking() ? " help-seeking" : "", problems,
                    quoted(Shown.text(o)));
            if (o.matches().isEmpty()) {
                out.printf("  nothing matched; read as %s%n", quoted(Shown.normalised(o)));
            }
            for (Match m : o.matches()) {
                out.printf("  %s %d%s %s (rule %s; %s %s line %d) matched %s as %s%s%n", m.category().id(), m.level(),
                        m.helpSeeking() ? " help-seeking" : "", quoted(Shown.phrase(m)), m.rule(), m.library(),
                        m.libraryVersion(), m.libraryLine(), quoted(Shown.original(m)), quoted(Shown.matchNormalised(m)),
                        steps(m.steps()));
            }
        }
    }

    private void composition(LabelledSet set) {
        out.printf("%n-- Composition%n");
        out.printf("kind:      %s%n", line(Shown.counts(set.cases(), c -> List.of(c.kind().id()))));
        out.printf("language:  %s%n", line(Shown.counts(set.cases(), c -> List.of(c.language()))));
        out.printf("category:  %s%n", line(Shown.counts(set.cases(),
                c -> c.expectedCategories().stream().map(Category::id).toList())));
        out.printf("level:     %s%n", line(Shown.counts(set.cases(), c -> List.of("L" + c.expectedLevel()))));
        out.printf("flags:     help-seeking %d, identity %d%n", set.cases().stream().filter(LabelledText::helpSeeking).count(),
                set.cases().stream().filter(LabelledText::identity).count());
    }

    private void scores(Scores s) {
        out.printf("%n-- Scores (age band %s; an alert is level %d or more)%n", Evaluation.BAND.id(), Evaluation.ALERT);
        out.printf("%-18s %9s %7s %18s %18s%n", "category", "labelled", "found", "precision", "recall");
        for (Map.Entry<Category, Scores.CategoryScore> e : s.categories().entrySet()) {
            Scores.CategoryScore c = e.getValue();
            out.printf("%-18s %9d %7d %18s %18s%n", e.getKey().id(), c.truePositives() + c.falseNegatives(),
                    c.truePositives() + c.falsePositives(), c.precision(), c.recall());
        }
        out.printf("%nlanguage  %-22s %s%n", "recall (3+ at 3+)", "act now (4-5 at 4+)");
        s.languages().forEach((language, alerted) ->
                out.printf("%-9s %-22s %s%n", language, alerted, s.languagesActNow().get(language)));
        out.printf("%nkind              at level 3 or more%n");
        for (Kind kind : Kind.values()) {
            out.printf("%-17s %s%n", kind.id(), s.kinds().get(kind));
        }
        out.printf("%nrecall on level 4-5 texts (given 4+, goal >= 0.95): %s%n", goal(s.actNow(), 0.95, true));
        out.printf("level 4-5 texts given any alert (3+):               %s%n", s.actNowAlerted());
        out.printf("recall on level 3-5 texts (given 3+):                %s%n", s.riskAlerted());
        out.printf("benign look-alikes at level 3+ (goal <= 0.05):       %s%n", goal(s.benignAlerts(), 0.05, false));
        out.printf("identity texts at level 3+ (false alarms):           %s%n", s.identityAlerts());
        out.printf("identity texts matching anything:                    %s%n", s.identityMatched());
        out.printf("help-seeking texts labelled help-seeking:            %s%n", s.helpSeekingFound());
        out.printf("other texts labelled help-seeking:                   %s%n", s.helpSeekingWrong());
        out.printf("help-seeking label agreeing, all texts:              %s%n", s.helpSeekingAgreed());
    }

    private static String goal(Ratio ratio, double goal, boolean atLeast) {
        boolean met = atLeast ? ratio.value() >= goal : ratio.value() <= goal;
        return ratio + (met ? "  met" : "  NOT met");
    }

    private static String line(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String steps(Set<Step> steps) {
        return steps.isEmpty() ? "" : steps.stream().map(Step::label).collect(Collectors.joining(", ", " [", "]"));
    }

    /** Quotes a text with its invisible and control characters as escapes, so a reader sees them. */
    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.CONTROL) {
                quoted.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
