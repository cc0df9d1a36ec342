package org.lantern.server.alerts;

/**
 * Where a school exclusion goes when the DSL's team closes a safeguarding alert as a false
 * positive and asks that the phrase no longer alert in that context: the monitor's libraries,
 * which depend on alerts and so implement this rather than be called by name.
 */
public interface FalsePositiveExclusions {

    /**
     * Adds the exclusion as a new version of the category's library, in the caller's transaction.
     *
     * @param categoryId the monitor's category, e.g. {@code self-harm}
     * @param phrase     the library phrase the alert matched
     * @param context    the words it must not alert in; they hold the phrase
     * @param reason     why, kept with the version
     * @param actor      who
     * @return the library's new version number
     * @throws IllegalArgumentException saying what is wrong with it; nothing is stored
     */
    int exclude(String categoryId, String phrase, String context, String reason, String actor);
}
