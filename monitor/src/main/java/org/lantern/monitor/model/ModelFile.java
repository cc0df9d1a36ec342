package org.lantern.monitor.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * A trained {@link RiskModel} as bytes, so the model trained on the shipped corpus is trained once,
 * when Lantern is built ({@link ModelBuild}), rather than at every start: training reads and
 * normalises every corpus text, which took about a second of a two-second {@code lantern classify}.
 *
 * <p>It is trained leaving out the curated libraries' identity terms, and serves any: the terms in
 * force are left out of every text it reads ({@link Features}), so a term a school's DSL or an
 * outside lexicon adds never counts, as in a model trained for it, and a curated term a school has
 * removed has no weights to read. So no start trains, whatever the libraries. Big-endian
 * throughout: a magic number, the corpus version, the number of texts, then the feature hashes,
 * their weights and the biases as in {@code ModelTrainer.Fitted}.
 */
final class ModelFile {

    /** Where the build puts the shipped model, beside this class on the class path. */
    static final String RESOURCE = "risk-model.bin";
    /** "LRM" and the layout's number, which changes whenever the layout does. */
    private static final int MAGIC = 0x4C524D02;

    private ModelFile() {}

    /**
     * @param model a model with no school exclusions, at the shipped threshold
     * @return the model as bytes
     */
    static byte[] write(RiskModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            string(out, model.version());
            out.writeInt(model.texts());
            long[] keys = model.keys();
            float[] weights = model.weights();
            float[] bias = model.bias();
            out.writeInt(keys.length);
            out.writeInt(bias.length);
            for (long key : keys) {
                out.writeLong(key);
            }
            for (float weight : weights) {
                out.writeFloat(weight);
            }
            for (float b : bias) {
                out.writeFloat(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param identityTerms the identity terms in matching form the model must leave out
     * @return the model Lantern was built with, leaving these terms out; empty when there is none
     *         on the class path (a build that skipped the step) or it is of another corpus version
     */
    static Optional<RiskModel> shipped(Set<String> identityTerms) {
        try (InputStream in = ModelFile.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : read(in.readAllBytes(), identityTerms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param identityTerms the identity terms in matching form the model must leave out
     * @return the model in the bytes, reading with these terms left out, when it is of
     *         {@link RiskModel#VERSION}
     * @throws IllegalStateException when the bytes are not a whole model file (a broken build)
     */
    static Optional<RiskModel> read(byte[] bytes, Set<String> identityTerms) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC) {
                throw new IllegalStateException("the risk model file is of another layout or not one");
            }
            String version = string(in);
            int texts = in.getInt();
            if (!version.equals(RiskModel.VERSION)) {
                return Optional.empty();
            }
            long[] keys = new long[in.getInt()];
            float[] bias = new float[in.getInt()];
            float[] weights = new float[keys.length * bias.length];
            in.asLongBuffer().get(keys);
            in.position(in.position() + keys.length * Long.BYTES);
            in.asFloatBuffer().get(weights).get(bias);
            if (in.position() + (weights.length + bias.length) * Float.BYTES != bytes.length) {
                throw new IllegalStateException("the risk model file has bytes after its model");
            }
            return Optional.of(RiskModel.of(keys, weights, bias, version, texts, identityTerms));
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new IllegalStateException("the risk model file ends before its model does", e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(ByteBuffer in) {
        byte[] utf8 = new byte[in.getInt()];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
