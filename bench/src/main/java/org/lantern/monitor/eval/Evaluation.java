package org.lantern.monitor.eval;

import java.util.List;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.monitor.model.LabelledSet;
import org.lantern.monitor.model.LabelledText;

/**
 * Runs a matcher over a labelled set: every text classified as a KS3 pupil's (the band the
 * labels are written for), each outcome kept beside its label for {@link Scores} and the report.
 */
public final class Evaluation {

    /** The lowest level that raises an alert. */
    public static final int ALERT = LabelledText.ALERT;
    /** The lowest level to act on now (emailed at once). */
    public static final int ACT_NOW = LabelledText.ACT_NOW;
    /** The age band the sets' levels are written for. */
    public static final AgeBand BAND = AgeBand.KS3;

    private Evaluation() {}

    /**
     * @param matcher the matcher under test
     * @param set     the labelled set
     * @return one outcome per text, in the set's order
     */
    public static List<Outcome> run(PhraseMatcher matcher, LabelledSet set) {
        return set.cases().stream().map(c -> Outcome.of(c, matcher.classify(c.text(), BAND))).toList();
    }
}
