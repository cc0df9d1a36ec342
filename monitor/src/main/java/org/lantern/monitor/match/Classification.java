package org.lantern.monitor.match;

import java.util.List;
import java.util.Set;
import org.lantern.monitor.text.Step;

/**
 * What the matcher made of one text: its level (0 when nothing matched, else the highest level of
 * its matches), whether any match is help-seeking, and every match with its explanation, in the
 * order they occur in the text (of two starting together, the longer first), then the risk
 * model's reading when there is one.
 *
 * @param text       the text classified (its first {@link PhraseMatcher#MAX_CHARS} characters when longer)
 * @param normalised the text's matching form
 * @param steps      the normalisation steps that changed any of it
 * @param level      0 to 5
 * @param helpSeeking whether any match is help-seeking
 * @param matches    the matches, in text order
 * @param truncated  whether the text was longer than {@link PhraseMatcher#MAX_CHARS} and only its start was read
 */
public record Classification(String text, String normalised, Set<Step> steps, int level, boolean helpSeeking,
        List<Match> matches, boolean truncated) {

    public Classification {
        steps = Step.immutable(steps);
        matches = matches.isEmpty() ? List.of() : List.copyOf(matches);
    }
}
