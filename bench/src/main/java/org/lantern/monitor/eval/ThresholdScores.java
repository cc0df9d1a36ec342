package org.lantern.monitor.eval;

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
     * @param libraries the libraries under test
     * @param model     the model under test
     * @param set       the labelled set
     * @return one row per threshold of {@link #THRESHOLDS}
     */
    static List<ThresholdScores> of(List<PhraseLibrary> libraries, RiskModel model, LabelledSet set) {
        return THRESHOLDS.stream().map(t -> {
            Scores s = Scores.of(Evaluation.run(PhraseMatcher.build(libraries, model.withThreshold(t)), set));
            return new ThresholdScores(t, s.actNow(), s.benignAlerts());
        }).toList();
    }
}
