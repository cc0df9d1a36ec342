package org.lantern.monitor.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.lantern.monitor.library.CuratedLibraries;

/**
 * The build's step that trains the risk model on the shipped corpus, for the curated libraries'
 * identity terms, and writes it beside the corpus in the compiled classes ({@link ModelFile}), so
 * {@link RiskModel#curated} loads it instead of training at every start. Run by Maven after the
 * monitor's classes are compiled; training is deterministic, so this is the model a start would
 * have trained.
 */
public final class ModelBuild {

    private ModelBuild() {}

    /** @param args the classes directory to write {@code org/lantern/monitor/model/risk-model.bin} under */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ModelBuild CLASSES_DIRECTORY");
        }
        Path file = Path.of(args[0]).resolve(ModelBuild.class.getPackageName().replace('.', '/')).resolve(ModelFile.RESOURCE);
        RiskModel model = RiskModel.trainCurated(RiskModel.identityTerms(CuratedLibraries.load()));
        Files.createDirectories(file.getParent());
        Path part = Files.createTempFile(file.getParent(), ModelFile.RESOURCE, ".part");
        Files.write(part, ModelFile.write(model));
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("risk model %s: %,d texts, %,d features -> %s%n", model.version(), model.texts(), model.features(), file);
    }
}
