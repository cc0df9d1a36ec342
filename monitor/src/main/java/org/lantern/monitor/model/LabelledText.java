package org.lantern.monitor.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.lantern.monitor.library.Category;

/**
 * One labelled text of an evaluation set or of the risk model's corpus: what a person who knows
 * safeguarding, and not the libraries, says the monitor should make of it.
 *
 * @param line               the text's line in the set's file, to find it again
 * @param text               the text, escapes decoded
 * @param expectedLevel      0 (nothing) to 5 (act now), for a KS3 pupil
 * @param expectedCategories what the text is about; empty for a benign text
 * @param helpSeeking        whether the text asks for help (for oneself or for someone else)
 * @param identity           whether the text is about who the writer is (sexuality, gender,
 *                           religion, ethnicity), which must never raise an alert on its own
 * @param language           the text's language code
 * @param kind               which part of the set the text belongs to
 * @param note               why it is labelled so
 */
public record LabelledText(int line, String text, int expectedLevel, Set<Category> expectedCategories,
        boolean helpSeeking, boolean identity, String language, Kind kind, String note) {

    /** The lowest level that raises an alert. */
    public static final int ALERT = 3;
    /** The lowest level to act on now (emailed at once). */
    public static final int ACT_NOW = 4;

    public LabelledText {
        expectedCategories = Set.copyOf(expectedCategories);
    }

    /** @return whether the text should raise an alert (level 3 or more) */
    public boolean shouldAlert() {
        return expectedLevel >= ALERT;
    }

    /** @return whether the text calls for action now (level 4 or 5) */
    public boolean actNow() {
        return expectedLevel >= ACT_NOW;
    }

    /** The parts of a set, each measured for what it tests. */
    public enum Kind {
        /** A text showing a risk, as written. */
        RISK("risk"),
        /** A risk text disguised: leetspeak, look-alike letters, spacing, invisible characters, URL encoding. */
        OBFUSCATED("obfuscated"),
        /** A text that shares words with risk (computing, sport, history, literature, idiom) and is not one. */
        BENIGN_LOOKALIKE("benign-lookalike"),
        /** A text asking for help, to be labelled as such. */
        HELP_SEEKING("help-seeking"),
        /** A text about the writer's identity, never an alert on its own. */
        IDENTITY("identity");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** @return the id written in a set's {@code kind} column */
        public String id() {
            return id;
        }

        /**
         * @param id an id as written in a set
         * @return the kind, if the id names one
         */
        public static Optional<Kind> ofId(String id) {
            return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
        }
    }
}
