package org.lantern.monitor.eval;

import java.util.List;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.match.PhraseMatcher;

/**
 * Runs a matcher over a labelled set: every text classified as a KS3 pupil's (the band the
 * labels are written for), each outcome kept beside its label for {@link Scores} and the report.
 */
public final class Evaluation {

    /** The lowest level that raises an alert. */
    public static final int ALERT = 3;
    /** The lowest level to act on now (emailed at once). */
    public static final int ACT_NOW = 4;
    /** The age band the sets' levels are written for. */
    public static final AgeBand BAND = AgeBand.KS3;

    private Evaluation() {}

    /**
     * @param matcher the matcher under test
     * @param set     the labelled set
     * @return one outcome per text, in the set's order
     */
    public static List<Outcome> run(PhraseMatcher matcher, EvalSet set) {
        return set.cases().stream().map(c -> Outcome.of(c, matcher.classify(c.text(), BAND))).toList();
    }
}
