package org.lantern.monitor.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Fits a {@link RiskModel}: one logistic regression per category (one against the rest, so a text
 * may be about two things), over the {@link Features} of each labelled text, by stochastic gradient
 * descent with AdaGrad's per-weight step sizes and L2 shrinkage. A text counts for a category when
 * it is labelled with it at level 4 or 5 (act now); everything else, the bare word at 3, help-seeking,
 * identity and benign look-alikes included, counts against, which is what teaches the model the
 * difference. The order of texts each pass comes from a fixed seed and Java's arithmetic is the
 * same everywhere, so the same corpus always gives the same model.
 *
 * <p>Written here rather than taken from a library: the model is a few thousand short texts and
 * a dozen linear scores, trained at start-up in a fraction of a second; a machine-learning
 * library (Tribuo, Smile, DJL) would add tens of megabytes to every module that classifies.
 */
final class ModelTrainer {

    private static final int EPOCHS = 30;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-5;
    private static final long SEED = 17;
    /** Positive texts of a category count up to this many times a negative one, as they are rarer. */
    private static final double MAX_POSITIVE_WEIGHT = 4;

    private ModelTrainer() {}

    /**
     * What training gives: every feature's hash, sorted, and its weights, one per score, the
     * category scores first and the act-now score last; and each score's bias.
     */
    record Fitted(long[] keys, float[] weights, float[] bias) {
    }

    static Fitted train(List<LabelledText> corpus, Features features) {
        List<long[]> hashes = new ArrayList<>();
        for (LabelledText text : corpus) {
            hashes.add(hashes(features, text.text()));
        }
        long[] keys = hashes.stream().flatMapToLong(Arrays::stream).sorted().distinct().toArray();
        int[][] rows = new int[corpus.size()][];
        double[] scale = new double[corpus.size()];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = Arrays.stream(hashes.get(t)).mapToInt(h -> Arrays.binarySearch(keys, h)).toArray();
            scale[t] = rows[t].length == 0 ? 0 : 1 / Math.sqrt(rows[t].length);
        }
        int classes = RiskModel.CATEGORIES.size() + 1;
        boolean[][] positive = new boolean[corpus.size()][classes];
        int[] positives = new int[classes];
        for (int t = 0; t < rows.length; t++) {
            LabelledText text = corpus.get(t);
            for (int c = 0; c < classes; c++) {
                positive[t][c] = text.actNow() && (c == RiskModel.ANY
                        || text.expectedCategories().contains(RiskModel.CATEGORIES.get(c)));
                positives[c] += positive[t][c] ? 1 : 0;
            }
        }
        double[] positiveWeight = new double[classes];
        for (int c = 0; c < classes; c++) {
            // a category's score learns among the texts to act on now, so its balance is theirs
            int among = c == RiskModel.ANY ? rows.length : positives[RiskModel.ANY];
            double ratio = positives[c] == 0 ? 1 : Math.sqrt((double) (among - positives[c]) / positives[c]);
            positiveWeight[c] = Math.max(1, Math.min(MAX_POSITIVE_WEIGHT, ratio));
        }
        int[][] orders = new int[EPOCHS][];
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            int[] order = epoch == 0 ? identity(rows.length) : orders[epoch - 1].clone();
            shuffle(order, random);
            orders[epoch] = order;
        }
        // the scores are independent of one another: each is fitted on its own core, over the
        // same orders, so the result does not depend on how many cores there are
        double[][] fitted = new double[classes][];
        double[] bias = new double[classes];
        IntStream.range(0, classes).parallel().forEach(c -> {
            boolean[] labels = new boolean[rows.length];
            for (int t = 0; t < rows.length; t++) {
                labels[t] = positive[t][c];
            }
            double[] weights = new double[keys.length + 1];
            fit(rows, scale, labels, positiveWeight[c], c == RiskModel.ANY ? orders : among(orders, positive), weights);
            fitted[c] = weights;
            bias[c] = weights[keys.length];
        });
        float[] w = new float[keys.length * classes];
        float[] b = new float[classes];
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < keys.length; k++) {
                w[k * classes + c] = (float) fitted[c][k];
            }
            b[c] = (float) bias[c];
        }
        return new Fitted(keys, w, b);
    }

    /**
     * One score's logistic regression: AdaGrad steps with L2 shrinkage on the weights a text
     * touches; the bias is the last weight.
     */
    private static void fit(int[][] rows, double[] scale, boolean[] labels, double positiveWeight, int[][] orders,
            double[] weights) {
        int bias = weights.length - 1;
        double[] squares = new double[weights.length];
        for (int[] order : orders) {
            for (int t : order) {
                double z = weights[bias];
                for (int r : rows[t]) {
                    z += weights[r] * scale[t];
                }
                double g = RiskModel.sigmoid(z) - (labels[t] ? 1 : 0);
                g *= labels[t] ? positiveWeight : 1;
                for (int r : rows[t]) {
                    double grad = g * scale[t] + L2 * weights[r];
                    squares[r] += grad * grad;
                    weights[r] -= LEARNING_RATE * grad / Math.sqrt(squares[r] + 1e-8);
                }
                squares[bias] += g * g;
                weights[bias] -= LEARNING_RATE * g / Math.sqrt(squares[bias] + 1e-8);
            }
        }
    }

    /**
     * The orders kept to the texts to act on now: a category's score only says which kind of
     * concern a text the "act now" score chose is, so it learns among those texts alone, at a
     * third of the cost of learning from all.
     */
    private static int[][] among(int[][] orders, boolean[][] positive) {
        int[][] kept = new int[orders.length][];
        for (int e = 0; e < orders.length; e++) {
            kept[e] = Arrays.stream(orders[e]).filter(t -> positive[t][RiskModel.ANY]).toArray();
        }
        return kept;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        return order;
    }

    private static long[] hashes(Features features, String text) {
        LongStream.Builder hashes = LongStream.builder();
        features.read(RiskModel.matchingForm(text), (hash, begin, end) -> hashes.add(hash));
        return hashes.build().toArray();
    }

    /** Fisher–Yates with the given generator, so every run shuffles alike. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
