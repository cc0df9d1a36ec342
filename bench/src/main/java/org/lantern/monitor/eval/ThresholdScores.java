package org.lantern.monitor.eval;

import java.util.ArrayList;
import java.util.List;
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

    /** The estimates measured. */
    static final List<Double> THRESHOLDS = List.of(0.5, 0.6, 0.7, 0.75, 0.8, 0.9);

    /**
     * A matcher per threshold of {@link #THRESHOLDS}, built once for every set scored.
     *
     * @param libraries the libraries under test
     * @param model     the model under test
     */
    record Sweep(List<PhraseMatcher> matchers) {

        Sweep(List<PhraseLibrary> libraries, RiskModel model) {
            this(THRESHOLDS.stream().map(t -> PhraseMatcher.build(libraries, model.withThreshold(t))).toList());
        }

        /**
         * @param set the labelled set
         * @return one row per threshold of {@link #THRESHOLDS}
         */
        List<ThresholdScores> of(LabelledSet set) {
            List<ThresholdScores> rows = new ArrayList<>();
            for (int i = 0; i < THRESHOLDS.size(); i++) {
                Scores s = Scores.of(Evaluation.run(matchers.get(i), set));
                rows.add(new ThresholdScores(THRESHOLDS.get(i), s.actNow(), s.benignAlerts()));
            }
            return rows;
        }
    }
}
