package org.lantern.monitor.eval;

import java.util.Locale;

/**
 * A share: how many of how many. Kept as the two counts, not a fraction, so a report can show
 * "41/52" and a share of nothing is "no texts" rather than a made-up 0 or 1.
 *
 * @param count how many
 * @param of    of how many
 */
public record Ratio(int count, int of) {

    /** @return the share, or NaN when there is nothing to share */
    public double value() {
        return of == 0 ? Double.NaN : (double) count / of;
    }

    /** @return the share to three decimals with its counts ({@code 0.788 (41/52)}), or {@code - (0/0)} */
    @Override
    public String toString() {
        return of == 0 ? "- (0/0)" : String.format(Locale.ROOT, "%.3f (%d/%d)", value(), count, of);
    }
}
