package org.lantern.monitor.match;

import java.util.Optional;
import java.util.Set;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.text.Step;

/**
 * One phrase found in a text, explaining itself: what was written, how it was read (the matching
 * form and the normalisation steps that changed it), which library phrase it is and from which
 * library and version, the rule that let it through and the level for the writer's age band.
 *
 * @param category      what the phrase is about
 * @param phrase        the library phrase, as written in the library
 * @param language      the phrase's language
 * @param level         its level for the age band asked about, 1 to 5: the library's level for the
 *                      band, one higher with a phrase of its {@code raise-with:} list, and one
 *                      higher again when its words were disguised (the steps say how)
 * @param rule          the phrase's rule, as written in the library
 * @param coOccurring   for a {@code with:} rule, the phrase of that list that was also found; else,
 *                      for a {@code raise-with:} rule that raised the level, the phrase that did
 * @param helpSeeking   whether the phrase is help-seeking (labelled, not hidden)
 * @param library       the library's name
 * @param libraryVersion the library's version
 * @param libraryLine   the phrase's line in the library
 * @param original      the part of the original text that matched
 * @param normalised    the same part in matching form
 * @param steps         the normalisation steps that changed that part
 */
public record Match(Category category, String phrase, String language, int level, String rule,
        Optional<String> coOccurring, boolean helpSeeking, String library, String libraryVersion, int libraryLine,
        String original, String normalised, Set<Step> steps) {

    public Match {
        steps = Step.immutable(steps);
    }
}
