package org.lantern.monitor.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.text.Normaliser;

/**
 * Reads a whole text for what a phrase library cannot list: the many ways a pupil says they are
 * at risk without any phrase of it ("everyone would be fine if I just wasn't around", "he said
 * he'd send them to my whole school unless I..."). One linear score per category over the
 * {@link Features} of the text's matching form, learned from a labelled corpus shipped with Lantern
 * ({@link #curated}); a text whose best score passes {@link #THRESHOLD} is read as calling for
 * action now in that category, and the {@link Reading} says which words weighed most.
 *
 * <p>The model adds to the phrases, never replaces them: the matcher asks it only about texts its
 * phrases put below level 4, never about staff, and never overrules a help-seeking phrase. It
 * does not read the {@code illegal} category, whose indicator terms stay in their library. Every
 * identity word is left out of what it reads ({@link Features}), so an identity can never raise
 * its score.
 *
 * <p>Immutable once trained and safe to share between threads; {@link #read} allocates only a
 * few small arrays per text and nothing more unless the text passes the threshold.
 */
public final class RiskModel {

    /** The name a model reading's match gives as its library. */
    public static final String NAME = "lantern-model";
    /** The version of the shipped corpus, which a reading's match gives as its library version. */
    public static final String VERSION = "2026.12.8";
    /**
     * The lowest estimate read as calling for action now in a text the phrases left below an alert.
     * Chosen by five-fold cross-validation over the shipped corpus as the lowest at which at most
     * 5 % of its benign look-alikes, written to be mistaken, reach level 3, in hundredths
     * ({@code bench/monitor-threshold.sh}, docs/monitoring.md).
     */
    public static final double THRESHOLD = 0.71;
    /**
     * The lowest estimate that raises a text whose phrases already alert (level 3) to act-now: two
     * signals that agree, the phrase and the model, need less of each. It costs no new alert.
     */
    public static final double BESIDE_AN_ALERT = 0.5;
    /** The categories the model reads: all but {@code illegal}. */
    static final List<Category> CATEGORIES = Arrays.stream(Category.values()).filter(c -> c != Category.ILLEGAL).toList();
    /** The score of "act now, whatever about": the last, after one per category. */
    static final int ANY = CATEGORIES.size();
    /** The shipped corpus, in this package on the class path. */
    static final List<String> CORPUS = List.of("corpus-indirect.csv", "corpus-young.csv", "corpus-languages.csv",
            "corpus-lookalikes.csv", "corpus-wellbeing.csv", "corpus-harmed.csv", "corpus-violence.csv",
            "corpus-languages-2.csv", "corpus-older.csv", "corpus-everyday.csv", "corpus-arabic.csv", "corpus-hate.csv",
            "corpus-languages-3.csv", "corpus-dsl.csv", "corpus-eating-self-harm.csv", "corpus-gambling-drugs.csv",
            "corpus-radicalisation.csv", "corpus-arabic-urdu.csv", "corpus-group-chats.csv", "corpus-told-by-the-child.csv",
            "corpus-languages-4.csv", "corpus-arabic-dialects.csv", "corpus-hate-2.csv", "corpus-no-keyword.csv",
            "corpus-urdu-polish-portuguese.csv", "corpus-relationships.csv", "corpus-streets.csv", "corpus-lookalikes-2.csv",
            "corpus-extremism.csv", "corpus-hate-3.csv", "corpus-gambling-pornography.csv", "corpus-bullying-self-harm.csv",
            "corpus-arabic-4.csv", "corpus-urdu-polish.csv", "corpus-primary.csv", "corpus-hidden.csv", "corpus-home.csv",
            "corpus-home-languages.csv", "corpus-school-life.csv", "corpus-hate-4.csv", "corpus-bullying.csv",
            "corpus-extremism-weapons.csv", "corpus-control-drugs.csv", "corpus-self-harm-eating.csv",
            "corpus-arabic-urdu-2.csv", "corpus-romance-polish.csv", "corpus-german-french.csv", "corpus-indirect-2.csv",
            "corpus-gambling-pornography-2.csv", "corpus-lookalikes-3.csv", "corpus-faith-community.csv", "corpus-older-2.csv",
            "corpus-urdu.csv", "corpus-arabic-5.csv", "corpus-italian-portuguese.csv", "corpus-spanish-polish.csv",
            "corpus-eating-self-harm-young.csv", "corpus-radicalisation-gaming.csv", "corpus-about-a-friend.csv",
            "corpus-drugs-weapons-uk.csv", "corpus-suicide.csv", "corpus-grooming.csv", "corpus-searches.csv",
            "corpus-chats-11-14.csv", "corpus-hate-bullying.csv", "corpus-german-french-spanish.csv", "corpus-home-harm.csv",
            "corpus-term.csv", "corpus-self-harm.csv", "corpus-eating-disorders.csv", "corpus-violence-school.csv",
            "corpus-polish-portuguese.csv", "corpus-arabic-urdu-uk.csv", "corpus-italian-german.csv", "corpus-primary-2.csv",
            "corpus-drugs-gambling-pornography.csv", "corpus-faith-arabic-urdu.csv", "corpus-school-day.csv",
            "corpus-disclosures.csv", "corpus-extremism-2.csv", "corpus-french-spanish-portuguese.csv",
            "corpus-german-polish-italian.csv", "corpus-teen-relationships.csv", "corpus-comments.csv",
            "corpus-hate-5.csv", "corpus-family-control.csv", "corpus-arabic-6.csv", "corpus-urdu-2.csv",
            "corpus-italian-polish.csv", "corpus-long-messages.csv", "corpus-body-image.csv", "corpus-intent-questions.csv");

    private static final Normaliser NORMALISER = new Normaliser();
    private static final int WORDS_SHOWN = 3;
    private static volatile RiskModel lastCurated;

    private final Features features;
    private final long[] keys;
    private final FeatureRows rows;
    private final float[] weights;
    private final float[] bias;
    private final String version;
    private final int texts;
    private final Set<String> identityTerms;
    private final double threshold;
    private final List<Exclusion> exclusions;

    /**
     * A school's exclusion: the model does not read a text holding these words (as whole words,
     * once normalised) as this category, as a phrase's exclusion stops it in a context.
     *
     * @param category the category the words are no concern of
     * @param context  the words, as written
     */
    public record Exclusion(Category category, String context) {
    }

    private RiskModel(Features features, long[] keys, FeatureRows rows, float[] weights, float[] bias, String version,
            int texts, Set<String> identityTerms, double threshold, List<Exclusion> exclusions) {
        this.threshold = threshold;
        this.exclusions = List.copyOf(exclusions);
        this.features = features;
        this.keys = keys;
        this.rows = rows;
        this.weights = weights;
        this.bias = bias;
        this.version = version;
        this.texts = texts;
        this.identityTerms = identityTerms;
    }

    /**
     * @param corpus        labelled texts to learn from
     * @param identityTerms identity terms (any form: they are normalised here), left out of every text
     * @param version       what the model's readings give as its version
     * @return the model
     */
    public static RiskModel train(List<LabelledText> corpus, Collection<String> identityTerms, String version) {
        return train(corpus, normalised(identityTerms), version);
    }

    private static RiskModel train(List<LabelledText> corpus, Set<String> terms, String version) {
        ModelTrainer.Fitted fitted = ModelTrainer.train(corpus, new Features(terms));
        return of(fitted.keys(), fitted.weights(), fitted.bias(), version, corpus.size(), terms);
    }

    /** A model of trained weights ({@link ModelFile}), at the shipped threshold with no exclusions. */
    static RiskModel of(long[] keys, float[] weights, float[] bias, String version, int texts, Set<String> terms) {
        int classes = bias.length;
        float[] actNow = new float[keys.length];
        for (int k = 0; k < keys.length; k++) {
            actNow[k] = weights[k * classes + ANY];
        }
        return new RiskModel(new Features(terms), keys, new FeatureRows(keys, actNow), weights, bias, version, texts,
                terms, THRESHOLD, List.of());
    }

    /** @return the model trained afresh on the shipped corpus for these identity terms (any form) */
    static RiskModel trainCurated(Collection<String> identityTerms) {
        return train(corpus(), normalised(identityTerms), VERSION);
    }

    /**
     * @param libraries the libraries in force, whose identity terms the model leaves out
     * @return the model trained on Lantern's shipped corpus ({@link #curated(Collection)})
     */
    public static RiskModel curated(List<PhraseLibrary> libraries) {
        return curated(identityTerms(libraries));
    }

    /**
     * @param libraries phrase libraries
     * @return their identity terms, as written: what a model of those libraries leaves out
     */
    public static List<String> identityTerms(List<PhraseLibrary> libraries) {
        return libraries.stream().flatMap(l -> l.entries().stream()).filter(PhraseEntry::identity).map(PhraseEntry::phrase).toList();
    }

    /**
     * The model trained on Lantern's shipped corpus when Lantern was built ({@link ModelBuild}),
     * leaving these identity terms out of every text it reads ({@link ModelFile} says why any terms
     * may be served by it); trained now, in a few seconds, only when a build skipped that step. The
     * last model is kept, so rebuilding a matcher after a library change whose identity terms are
     * unchanged does not read the file again.
     *
     * @param identityTerms the identity terms of the libraries in force
     * @return the model
     * @throws IllegalStateException if a shipped corpus file is missing or invalid (a build that a
     *                               test would have failed)
     */
    public static RiskModel curated(Collection<String> identityTerms) {
        Set<String> terms = normalised(identityTerms);
        RiskModel last = lastCurated;
        if (last != null && last.identityTerms.equals(terms)) {
            return last;
        }
        RiskModel model = ModelFile.shipped(terms).orElseGet(() -> train(corpus(), terms, VERSION));
        lastCurated = model;
        return model;
    }

    /** @return the shipped corpus, every file's texts in order */
    public static List<LabelledText> corpus() {
        List<LabelledText> texts = new ArrayList<>();
        for (String file : CORPUS) {
            try (InputStream in = RiskModel.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("risk model corpus missing from the class path: " + file);
                }
                texts.addAll(LabelledSet.read(new InputStreamReader(in, StandardCharsets.UTF_8), file).cases());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (LabelledSetFormatException e) {
                throw new IllegalStateException("the risk model corpus " + file + " is invalid: " + e.getMessage(), e);
            }
        }
        return List.copyOf(texts);
    }

    /**
     * @param matchingForm a text's matching form ({@link Normaliser#matchingForm})
     * @return the category the text calls for action in now, with why, when the model's estimate
     *         passes {@link #THRESHOLD}
     */
    public Optional<Reading> read(char[] matchingForm) {
        return read(matchingForm, threshold);
    }

    /**
     * @param matchingForm a text's matching form
     * @param from         the lowest estimate to read as calling for action now
     * @return as {@link #read(char[])}, from that estimate up
     */
    public Optional<Reading> read(char[] matchingForm, double from) {
        double probability = actNow(matchingForm);
        // the words must point to risk themselves: the corpus's share of risk texts, which the
        // bias carries, never makes a reading of a text whose words the model does not know
        if (probability < from || probability <= sigmoid(bias[ANY])) {
            return Optional.empty();
        }
        int category = (int) (best(matchingForm) & 0xFF);
        if (excluded(matchingForm, CATEGORIES.get(category))) {
            return Optional.empty();
        }
        return Optional.of(explain(matchingForm, category, probability));
    }

    /**
     * The act-now estimate alone: what nearly every text is asked and answers no to, so it reads
     * one weight a feature, kept beside the feature's hash ({@link FeatureRows#actNow}), and
     * the category's scores only for the few texts that pass ({@link #best}).
     */
    double actNow(char[] matchingForm) {
        ActNowSum sum = new ActNowSum(rows);
        int n = features.read(matchingForm, sum);
        // scaled as best() scales, so the two agree to the last bit
        return n == 0 ? sigmoid(bias[ANY]) : sigmoid(bias[ANY] + sum.sum * (1 / Math.sqrt(n)));
    }

    private static final class ActNowSum implements Features.Sink {
        private final FeatureRows rows;
        private double sum;

        ActNowSum(FeatureRows rows) {
            this.rows = rows;
        }

        @Override
        public void feature(long hash, int begin, int end) {
            sum += rows.actNow(hash);
        }
    }

    private boolean excluded(char[] matchingForm, Category category) {
        if (exclusions.isEmpty()) {
            return false;
        }
        String text = " " + new String(matchingForm) + " ";
        return exclusions.stream().anyMatch(e -> e.category() == category && text.contains(" " + e.context() + " "));
    }

    /**
     * The category whose score is highest, and its estimate, in one long: the estimate's bits with
     * the category's index in the lowest byte, which moves the estimate by less than 10^-13. Reads
     * every score of each feature's row, so {@link #read} asks it only of a text {@link #actNow}
     * has passed.
     */
    long best(char[] matchingForm) {
        int classes = bias.length;
        double[] sums = new double[classes];
        int n = features.read(matchingForm, (hash, begin, end) -> {
            int row = rows.row(hash);
            if (row >= 0) {
                for (int c = 0; c < classes; c++) {
                    sums[c] += weights[row * classes + c];
                }
            }
        });
        if (n == 0) {
            return 0;
        }
        double scale = 1 / Math.sqrt(n);
        int best = 0;
        for (int c = 1; c < ANY; c++) {
            if (bias[c] + sums[c] * scale > bias[best] + sums[best] * scale) {
                best = c;
            }
        }
        return Double.doubleToLongBits(sigmoid(bias[ANY] + sums[ANY] * scale)) >>> 8 << 8 | best;
    }

    /**
     * The parts that weighed most towards acting now, each once, heaviest first: the score that
     * decided it (the category's own only says which kind of concern). There is at least one, as
     * a reading needs the words' own weights for acting now to add up above nothing.
     */
    private Reading explain(char[] chars, int category, double probability) {
        int classes = bias.length;
        record Part(double weight, int begin, int end) {
        }
        List<Part> parts = new ArrayList<>();
        features.read(chars, (hash, begin, end) -> {
            int row = rows.row(hash);
            if (row >= 0 && weights[row * classes + ANY] > 0) {
                parts.add(new Part(weights[row * classes + ANY], begin, end));
            }
        });
        parts.sort(Comparator.comparingDouble(Part::weight).reversed());
        List<Reading.Span> spans = new ArrayList<>();
        for (Part part : parts) {
            // a part overlapping one already shown ("better off if" beside "off if") says it again
            if (spans.size() < WORDS_SHOWN && spans.stream().noneMatch(s -> part.begin < s.end() && s.begin() < part.end)) {
                spans.add(new Reading.Span(part.begin, part.end));
            }
        }
        return new Reading(CATEGORIES.get(category), probability,
                spans.stream().map(s -> new String(chars, s.begin(), s.end() - s.begin())).toList(), spans);
    }

    /**
     * @param estimate the lowest estimate to read as calling for action now, in place of {@link #THRESHOLD}
     * @return the same model reading from that estimate up: for the evaluation benchmark, which
     *         measures what each threshold would find and cost
     */
    public RiskModel withThreshold(double estimate) {
        return new RiskModel(features, keys, rows, weights, bias, version, texts, identityTerms, estimate, exclusions);
    }

    /**
     * @param excluded a school's exclusions, each of whose contexts is normalised here
     * @return the same model, not reading a text as a category when it holds one of that
     *         category's excluded contexts
     */
    public RiskModel excluding(List<Exclusion> excluded) {
        List<Exclusion> normal = excluded.stream()
                .map(e -> new Exclusion(e.category(), NORMALISER.normalise(e.context()).text().strip()))
                .filter(e -> !e.context().isEmpty()).toList();
        return new RiskModel(features, keys, rows, weights, bias, version, texts, identityTerms, threshold, normal);
    }

    /** @return the version its readings give */
    public String version() {
        return version;
    }

    /** @return how many labelled texts it learned from */
    public int texts() {
        return texts;
    }

    /** @return the identity terms it leaves out, in matching form */
    Set<String> identityTerms() {
        return identityTerms;
    }

    /** @return every feature's hash, sorted: a feature's index is its row of {@link #weights} */
    long[] keys() {
        return keys;
    }

    /** @return each feature's weights, one per score, the category scores first and act-now last */
    float[] weights() {
        return weights;
    }

    /** @return each score's bias */
    float[] bias() {
        return bias;
    }

    /** @return how many features it has weights for */
    public int features() {
        return keys.length;
    }

    /** @return the lowest estimate it reads as calling for action now ({@link #THRESHOLD} unless {@link #withThreshold}) */
    public double threshold() {
        return threshold;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static char[] matchingForm(String text) {
        return NORMALISER.matchingForm(text).chars();
    }

    private static Set<String> normalised(Collection<String> terms) {
        Set<String> out = new TreeSet<>();
        for (String term : terms) {
            String normal = NORMALISER.normalise(term).text().strip();
            if (!normal.isEmpty()) {
                out.add(normal);
            }
        }
        return Set.copyOf(out);
    }
}
