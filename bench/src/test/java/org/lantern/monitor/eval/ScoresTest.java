package org.lantern.monitor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantern.monitor.library.Category.BULLYING;
import static org.lantern.monitor.library.Category.SELF_HARM;
import static org.lantern.monitor.library.Category.SUICIDE;
import static org.lantern.monitor.library.Category.WEAPONS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lantern.monitor.model.LabelledText.Kind;
import org.lantern.monitor.eval.Outcome.Problem;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.model.LabelledText;

/**
 * The scoring maths on a fixture small enough to count by hand, and the benchmark's command line.
 */
class ScoresTest {

    /** Six texts, their labels and what a monitor made of them. */
    private static final List<Outcome> FIXTURE = List.of(
            // level 5 suicide, found at 5 as suicide: right
            outcome(label(5, Set.of(SUICIDE), false, false, "en", Kind.RISK), 5, Set.of(SUICIDE), false),
            // level 4 self-harm, given 3 as self-harm and weapons: alerted, under-rated, one wrong category
            outcome(label(4, Set.of(SELF_HARM), false, false, "fr", Kind.OBFUSCATED), 3, Set.of(SELF_HARM, WEAPONS), false),
            // level 4 bullying, nothing found: missed
            outcome(label(4, Set.of(BULLYING), false, false, "fr", Kind.RISK), 0, Set.of(), false),
            // benign, given 4 as weapons: a false alarm
            outcome(label(0, Set.of(), false, false, "en", Kind.BENIGN_LOOKALIKE), 4, Set.of(WEAPONS), false),
            // identity, matched at level 1 but no alert
            outcome(label(0, Set.of(), false, true, "en", Kind.IDENTITY), 1, Set.of(), false),
            // help-seeking about self-harm, labelled help-seeking and found
            outcome(label(1, Set.of(SELF_HARM), true, false, "en", Kind.HELP_SEEKING), 1, Set.of(SELF_HARM), true));

    @Test
    void countsPrecisionAndRecallPerCategory() {
        Scores scores = Scores.of(FIXTURE);

        assertThat(scores.texts()).isEqualTo(6);
        assertThat(scores.categories().get(SUICIDE)).isEqualTo(new Scores.CategoryScore(1, 0, 0));
        assertThat(scores.categories().get(SELF_HARM)).isEqualTo(new Scores.CategoryScore(2, 0, 0));
        assertThat(scores.categories().get(BULLYING).recall()).isEqualTo(new Ratio(0, 1));
        assertThat(scores.categories().get(BULLYING).precision().value()).isNaN();
        assertThat(scores.categories().get(WEAPONS).precision()).isEqualTo(new Ratio(0, 2));
        assertThat(scores.categories().get(WEAPONS).recall().toString()).isEqualTo("- (0/0)");
        assertThat(scores.categories().get(Category.GAMBLING)).isEqualTo(new Scores.CategoryScore(0, 0, 0));
    }

    @Test
    void sharesTheGoalsAreSetOn() {
        Scores scores = Scores.of(FIXTURE);

        assertThat(scores.actNow()).isEqualTo(new Ratio(1, 3));
        assertThat(scores.actNow().toString()).isEqualTo("0.333 (1/3)");
        assertThat(scores.actNowAlerted()).isEqualTo(new Ratio(2, 3));
        assertThat(scores.riskAlerted()).isEqualTo(new Ratio(2, 3));
        assertThat(scores.benignAlerts()).isEqualTo(new Ratio(1, 1));
        assertThat(scores.identityAlerts()).isEqualTo(new Ratio(0, 1));
        assertThat(scores.identityMatched()).isEqualTo(new Ratio(1, 1));
        assertThat(scores.helpSeekingFound()).isEqualTo(new Ratio(1, 1));
        assertThat(scores.helpSeekingWrong()).isEqualTo(new Ratio(0, 5));
        assertThat(scores.helpSeekingAgreed()).isEqualTo(new Ratio(6, 6));
        assertThat(scores.languages()).containsEntry("en", new Ratio(1, 1)).containsEntry("fr", new Ratio(1, 2));
        assertThat(scores.languagesActNow()).containsEntry("fr", new Ratio(0, 2));
        assertThat(scores.kinds().get(Kind.RISK)).isEqualTo(new Ratio(1, 2));
        assertThat(scores.kinds().get(Kind.BENIGN_LOOKALIKE)).isEqualTo(new Ratio(1, 1));
    }

    @Test
    void namesWhatIsWrongWithEachOutcome() {
        assertThat(FIXTURE.get(0).problems()).isEmpty();
        assertThat(FIXTURE.get(1).problems()).containsExactly(Problem.UNDER_RATED, Problem.WRONG_CATEGORY);
        assertThat(FIXTURE.get(1).extraCategories()).containsExactly(WEAPONS);
        assertThat(FIXTURE.get(2).problems()).containsExactly(Problem.MISSED_ALERT, Problem.CATEGORY_MISSED);
        assertThat(FIXTURE.get(2).missedCategories()).containsExactly(BULLYING);
        assertThat(FIXTURE.get(3).problems()).containsExactly(Problem.FALSE_ALARM, Problem.WRONG_CATEGORY);
        assertThat(FIXTURE.get(5).problems()).isEmpty();
    }

    @Test
    void reportsTheShippedSetAsJsonWithTheShippedLibraries() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = MonitorEvaluation.run(new String[] {"--json"}, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("ageBand").asText()).isEqualTo("ks3");
        assertThat(json.get("libraries")).hasSize(MonitorEvaluation.shippedLibraries(null).size());
        JsonNode set = json.get("sets").get(0);
        assertThat(set.get("texts").asInt()).isEqualTo(MonitorEvaluation.shippedSet().cases().size());
        assertThat(set.get("scores").get("categories")).hasSize(Category.values().length);
        assertThat(set.get("scores").get("actNowRecall").get("of").asInt()).isPositive();
        assertThat(set.get("misses").isArray()).isTrue();
    }

    @Test
    void saysWhatIsWrongWithTheCommandLineInOneLine() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        for (String[] args : List.of(new String[] {"--nope"}, new String[] {"--library"}, new String[] {"a.csv", "b.csv"},
                new String[] {"/nonexistent/held-back.csv"})) {
            assertThatThrownBy(() -> MonitorEvaluation.run(args, out))
                    .isInstanceOf(MonitorEvaluation.UsageException.class)
                    .message().doesNotContain("\n");
        }
    }

    private static LabelledText label(int level, Set<Category> categories, boolean helpSeeking, boolean identity,
            String language, Kind kind) {
        return new LabelledText(1, "text", level, categories, helpSeeking, identity, language, kind, "");
    }

    private static Outcome outcome(LabelledText label, int level, Set<Category> categories, boolean helpSeeking) {
        return new Outcome(label, level, categories, helpSeeking, "text", List.of());
    }
}
