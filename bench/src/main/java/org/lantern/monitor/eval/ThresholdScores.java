package org.lantern.monitor.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.monitor.model.LabelledSet;
import org.lantern.monitor.model.RiskModel;

/**
 * What the risk model's threshold trades: for each estimate from which it reads a text as calling
 * for action now, the recall on level 4–5 texts and the benign look-alikes alerted on, so the
 * threshold shipped ({@link RiskModel#THRESHOLD}) can be seen beside the others.
 *
 * @param threshold     the lowest estimate read
 * @param actNow        level 4–5 texts given 4 or more
 * @param benignAlerts  benign look-alikes given 3 or more
 */
record ThresholdScores(double threshold, Ratio actNow, Ratio benignAlerts) {

    /** The estimates measured, beside the model's own. */
    static final List<Double> THRESHOLDS = List.of(0.5, 0.6, 0.7, 0.75, 0.8, 0.9);

    /**
     * A matcher per threshold, built once for every set scored.
     *
     * @param thresholds {@link #THRESHOLDS} and the model's own threshold, in order
     * @param matchers   one per threshold
     */
    record Sweep(List<Double> thresholds, List<PhraseMatcher> matchers) {

        /**
         * @param libraries the libraries under test
         * @param model     the model under test
         */
        Sweep(List<PhraseLibrary> libraries, RiskModel model) {
            this(libraries, model, Stream.concat(THRESHOLDS.stream(), Stream.of(model.threshold())).distinct().sorted().toList());
        }

        private Sweep(List<PhraseLibrary> libraries, RiskModel model, List<Double> thresholds) {
            this(thresholds, thresholds.stream().map(t -> PhraseMatcher.build(libraries, model.withThreshold(t))).toList());
        }

        /**
         * @param set the labelled set
         * @return one row per threshold
         */
        List<ThresholdScores> of(LabelledSet set) {
            List<ThresholdScores> rows = new ArrayList<>();
            for (int i = 0; i < thresholds.size(); i++) {
                Scores s = Scores.of(Evaluation.run(matchers.get(i), set));
                rows.add(new ThresholdScores(thresholds.get(i), s.actNow(), s.benignAlerts()));
            }
            return rows;
        }
    }
}
