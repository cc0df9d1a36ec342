package org.lantern.monitor.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.lantern.monitor.model.LabelledText.Kind;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.model.LabelledText;

/**
 * The accuracy figures of one run over a set, the ones issue 17 sets goals for and the ones that
 * say where to look: per-category precision and recall; recall on level 4–5 texts (goal 0.95);
 * the share of benign look-alikes alerted on (goal at most 5 %); identity false alarms;
 * help-seeking labelling; recall per language and per kind of text.
 *
 * <p>A category is found when any match has it (help-seeking matches too); an alert is a level
 * of 3 or more; "act now" is 4 or more.
 *
 * @param texts             how many texts were scored
 * @param categories        per category, how its labels and the monitor's findings agree
 * @param actNow            level 4–5 texts given 4 or more
 * @param actNowAlerted     level 4–5 texts given 3 or more
 * @param riskAlerted       texts of level 3 or more given 3 or more
 * @param benignAlerts      benign look-alikes given 3 or more
 * @param identityAlerts    identity texts (labelled below 3) given 3 or more
 * @param identityMatched   identity texts (labelled below 3) that matched anything at all
 * @param helpSeekingFound  help-seeking texts labelled help-seeking
 * @param helpSeekingWrong  other texts labelled help-seeking
 * @param helpSeekingAgreed texts whose help-seeking label the monitor agreed with
 * @param languages         per language: texts of level 3 or more given 3 or more
 * @param languagesActNow   per language: level 4–5 texts given 4 or more
 * @param kinds             per kind of text: the share given 3 or more (recall for risk kinds,
 *                          false alarms for the others)
 */
public record Scores(int texts, Map<Category, CategoryScore> categories, Ratio actNow, Ratio actNowAlerted,
        Ratio riskAlerted, Ratio benignAlerts, Ratio identityAlerts, Ratio identityMatched, Ratio helpSeekingFound,
        Ratio helpSeekingWrong, Ratio helpSeekingAgreed, Map<String, Ratio> languages, Map<String, Ratio> languagesActNow,
        Map<Kind, Ratio> kinds) {

    /**
     * @param outcomes one run's outcomes
     * @return their scores
     */
    public static Scores of(List<Outcome> outcomes) {
        Map<Category, CategoryScore> categories = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Outcome o : outcomes) {
                boolean labelled = o.expected().expectedCategories().contains(category);
                boolean found = o.categories().contains(category);
                tp += labelled && found ? 1 : 0;
                fp += !labelled && found ? 1 : 0;
                fn += labelled && !found ? 1 : 0;
            }
            categories.put(category, new CategoryScore(tp, fp, fn));
        }
        Predicate<Outcome> identity = o -> o.expected().identity() && !o.expected().shouldAlert();
        Map<String, Ratio> languages = new TreeMap<>();
        Map<String, Ratio> languagesActNow = new TreeMap<>();
        for (String language : outcomes.stream().map(o -> o.expected().language()).distinct().toList()) {
            Predicate<Outcome> inLanguage = o -> o.expected().language().equals(language);
            languages.put(language, share(outcomes, inLanguage.and(o -> o.expected().shouldAlert()), Outcome::alerted));
            languagesActNow.put(language, share(outcomes, inLanguage.and(o -> o.expected().actNow()), Scores::actedNow));
        }
        Map<Kind, Ratio> kinds = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            kinds.put(kind, share(outcomes, o -> o.expected().kind() == kind, Outcome::alerted));
        }
        return new Scores(outcomes.size(), categories,
                share(outcomes, o -> o.expected().actNow(), Scores::actedNow),
                share(outcomes, o -> o.expected().actNow(), Outcome::alerted),
                share(outcomes, o -> o.expected().shouldAlert(), Outcome::alerted),
                share(outcomes, o -> o.expected().kind() == Kind.BENIGN_LOOKALIKE, Outcome::alerted),
                share(outcomes, identity, Outcome::alerted),
                share(outcomes, identity, o -> o.level() > 0 || !o.matches().isEmpty()),
                share(outcomes, o -> o.expected().helpSeeking(), Outcome::helpSeeking),
                share(outcomes, o -> !o.expected().helpSeeking(), Outcome::helpSeeking),
                share(outcomes, o -> true, o -> o.helpSeeking() == o.expected().helpSeeking()),
                languages, languagesActNow, kinds);
    }

    private static boolean actedNow(Outcome outcome) {
        return outcome.level() >= Evaluation.ACT_NOW;
    }

    private static Ratio share(List<Outcome> outcomes, Predicate<Outcome> among, Predicate<Outcome> counted) {
        int of = 0;
        int count = 0;
        for (Outcome outcome : outcomes) {
            if (among.test(outcome)) {
                of++;
                count += counted.test(outcome) ? 1 : 0;
            }
        }
        return new Ratio(count, of);
    }

    /**
     * How one category's labels and findings agree over a set.
     *
     * @param truePositives  texts labelled with it where it was found
     * @param falsePositives texts not labelled with it where it was found
     * @param falseNegatives texts labelled with it where it was not found
     */
    public record CategoryScore(int truePositives, int falsePositives, int falseNegatives) {

        /** @return of the texts it was found in, the share labelled with it */
        public Ratio precision() {
            return new Ratio(truePositives, truePositives + falsePositives);
        }

        /** @return of the texts labelled with it, the share it was found in */
        public Ratio recall() {
            return new Ratio(truePositives, truePositives + falseNegatives);
        }
    }
}
