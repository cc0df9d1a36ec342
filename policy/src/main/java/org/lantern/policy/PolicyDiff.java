package org.lantern.policy;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * Line-by-line differences between two versions of a policy's YAML, for the history view: who
 * changed what is only auditable if the change itself can be read.
 */
public final class PolicyDiff {

    private PolicyDiff() {
    }

    /** How a line of the diff relates to the two versions; SKIPPED stands for a run of unchanged lines left out. */
    public enum Kind { SAME, ADDED, REMOVED, SKIPPED }

    /** Unchanged lines shown either side of a change, as {@code diff -u} does. */
    public static final int CONTEXT = 3;

    /**
     * One line of a diff.
     *
     * @param kind    unchanged, added in the new version or removed from the old
     * @param oldLine 1-based line in the old text, 0 for an added line
     * @param newLine 1-based line in the new text, 0 for a removed line
     * @param text    the line's text; for a skipped run, how many lines it leaves out
     */
    public record DiffLine(Kind kind, int oldLine, int newLine, String text) {
    }

    /** Every line of both texts in order, each marked unchanged, added or removed. */
    public static List<DiffLine> diff(String oldYaml, String newYaml) {
        List<String> before = oldYaml.lines().toList();
        List<String> after = newYaml.lines().toList();
        Patch<String> patch = DiffUtils.diff(before, after);
        List<DiffLine> out = new ArrayList<>();
        int o = 0;
        int n = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            while (o < delta.getSource().getPosition()) {
                out.add(new DiffLine(Kind.SAME, o + 1, n + 1, before.get(o)));
                o++;
                n++;
            }
            for (String line : delta.getSource().getLines()) {
                out.add(new DiffLine(Kind.REMOVED, ++o, 0, line));
            }
            for (String line : delta.getTarget().getLines()) {
                out.add(new DiffLine(Kind.ADDED, 0, ++n, line));
            }
        }
        while (o < before.size()) {
            out.add(new DiffLine(Kind.SAME, o + 1, n + 1, before.get(o)));
            o++;
            n++;
        }
        return out;
    }

    /**
     * The changed lines with {@code context} unchanged lines either side; each run of unchanged lines
     * left out becomes one {@link Kind#SKIPPED} line saying how many. A three-line change to a
     * 400-line policy reads as a dozen lines, not the whole policy.
     */
    public static List<DiffLine> changes(String oldYaml, String newYaml, int context) {
        List<DiffLine> all = diff(oldYaml, newYaml);
        boolean[] shown = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).kind() != Kind.SAME) {
                for (int j = Math.max(0, i - context); j <= Math.min(all.size() - 1, i + context); j++) {
                    shown[j] = true;
                }
            }
        }
        List<DiffLine> out = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < all.size(); i++) {
            if (shown[i]) {
                if (skipped > 0) {
                    out.add(skippedLines(skipped));
                    skipped = 0;
                }
                out.add(all.get(i));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            out.add(skippedLines(skipped));
        }
        return out;
    }

    private static DiffLine skippedLines(int count) {
        return new DiffLine(Kind.SKIPPED, 0, 0, count == 1 ? "1 unchanged line" : count + " unchanged lines");
    }
}
