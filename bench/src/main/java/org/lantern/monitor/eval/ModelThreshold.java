package org.lantern.monitor.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.monitor.model.LabelledText;
import org.lantern.monitor.model.RiskModel;

/**
 * How the risk model's threshold ({@link RiskModel#THRESHOLD}) is chosen, so anyone can check it:
 * five-fold cross-validation over the shipped corpus (train on four fifths, classify the fifth
 * with the curated libraries and that model), and for each threshold the recall on texts to act
 * on now, the corpus's benign look-alikes at level 3 or more and its identity texts at 3 or more.
 * The rule is the lowest threshold at which at most 5 % of the look-alikes alert: they were
 * written to be mistaken, so they are harder than a school's traffic, and the held-back sets are
 * never used to choose. A plain main: it prints the trade and the choice and asserts nothing.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.lantern.monitor.eval.ModelThreshold}
 * ({@code bench/monitor-threshold.sh}); about a minute on two cores.
 */
public final class ModelThreshold {

    /** The share of the corpus's look-alikes the chosen threshold may let alert. */
    static final double MAX_LOOKALIKES = 0.05;
    /** The thresholds tried: in twentieths, and in hundredths where the choice has fallen. */
    static final List<Double> THRESHOLDS = Stream.concat(
            DoubleStream.of(0.5, 0.55, 0.6, 0.65, 0.85, 0.9).boxed(),
            DoubleStream.iterate(0.66, t -> t < 0.805, t -> t + 0.01).map(t -> Math.round(t * 100) / 100.0).boxed())
            .sorted().toList();
    private static final int FOLDS = 5;

    private ModelThreshold() {}

    /**
     * One threshold's cross-validated trade.
     *
     * @param threshold      the lowest estimate read as calling for action now
     * @param actNow         texts to act on now given 4 or more
     * @param benignAlerts   benign look-alikes given 3 or more
     * @param identityAlerts identity texts labelled below 3 given 3 or more
     */
    record Row(double threshold, Ratio actNow, Ratio benignAlerts, Ratio identityAlerts) {
    }

    /** Prints the trade per threshold and the threshold the rule chooses. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        List<LabelledText> corpus = RiskModel.corpus();
        out.printf(Locale.ROOT, "risk model corpus %s: %,d texts, %d-fold cross-validation with libraries %s%n",
                RiskModel.VERSION, corpus.size(), FOLDS, CuratedLibraries.VERSION);
        List<PhraseLibrary> libraries = CuratedLibraries.load();
        double shipped = RiskModel.curated(libraries).threshold();
        List<Row> rows = crossValidate(corpus, libraries, THRESHOLDS, FOLDS);
        out.println("threshold  act-now recall          look-alikes at 3+      identity at 3+");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "%9.2f  %-22s  %-21s  %s%n", row.threshold(), row.actNow(), row.benignAlerts(),
                    row.identityAlerts());
        }
        out.println(choose(rows).map(t -> String.format(Locale.ROOT,
                        "chosen: %.2f, the lowest at which at most %.0f %% of the look-alikes alert (shipped: %.2f)",
                        t, MAX_LOOKALIKES * 100, shipped))
                .orElse("chosen: none of these keeps the look-alikes at or under the line"));
    }

    /**
     * @param corpus     labelled texts; text {@code i} is in fold {@code i % folds}
     * @param libraries  the libraries the matcher uses beside each fold's model
     * @param thresholds the thresholds to score
     * @param folds      how many parts
     * @return one row per threshold, in the order given
     */
    static List<Row> crossValidate(List<LabelledText> corpus, List<PhraseLibrary> libraries, List<Double> thresholds,
            int folds) {
        List<String> identityTerms = RiskModel.identityTerms(libraries);
        List<List<Outcome>> outcomes = thresholds.stream().<List<Outcome>>map(t -> new ArrayList<>()).toList();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledText> train = new ArrayList<>();
            List<LabelledText> held = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                (i % folds == fold ? held : train).add(corpus.get(i));
            }
            RiskModel model = RiskModel.train(train, identityTerms, "cross-validation");
            for (int t = 0; t < thresholds.size(); t++) {
                PhraseMatcher matcher = PhraseMatcher.build(libraries, model.withThreshold(thresholds.get(t)));
                for (LabelledText text : held) {
                    outcomes.get(t).add(Outcome.of(text, matcher.classify(text.text(), Evaluation.BAND)));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < thresholds.size(); t++) {
            Scores scores = Scores.of(outcomes.get(t));
            rows.add(new Row(thresholds.get(t), scores.actNow(), scores.benignAlerts(), scores.identityAlerts()));
        }
        return rows;
    }

    /**
     * @param rows the trade per threshold
     * @return the lowest threshold whose look-alikes alert at most {@link #MAX_LOOKALIKES}
     */
    static Optional<Double> choose(List<Row> rows) {
        return rows.stream().filter(r -> r.benignAlerts().of() > 0 && r.benignAlerts().value() <= MAX_LOOKALIKES)
                .map(Row::threshold).min(Double::compare);
    }
}
