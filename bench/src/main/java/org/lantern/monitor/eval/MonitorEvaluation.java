package org.lantern.monitor.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lantern.monitor.lexicon.MonitorLibraries;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.monitor.model.LabelledSet;
import org.lantern.monitor.model.LabelledSetFormatException;
import org.lantern.monitor.model.RiskModel;

/**
 * The monitor's accuracy benchmark (issue 17): runs {@link PhraseMatcher} with the libraries the
 * product ships over the labelled set in the repository, and over a held-back set in the same
 * format when one is given, and prints per-category precision and recall, recall on level 4–5
 * texts, the share of benign look-alikes alerted on, identity false alarms, help-seeking
 * labelling and recall per language, with every miss and false alarm explained. A plain main,
 * not a test: accuracy is measured and recorded in docs/monitoring.md, never asserted.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.lantern.monitor.eval.MonitorEvaluation
 * [--json] [--no-model] [--library FILE.csv]... [HELD_BACK.csv]}. {@code --library} (repeatable)
 * replaces the shipped libraries with library files, to measure a draft before it ships;
 * {@code --no-model} measures the phrases alone, without the risk model. Exits 0 once scored
 * (the figures are the result), 2 with a one-line error on bad arguments or a bad file.
 */
public final class MonitorEvaluation {

    /** The set in the repository, on the class path beside this class. */
    public static final String SHIPPED_SET = "monitor-eval.csv";

    private static final String USAGE =
            "usage: MonitorEvaluation [--json] [--no-model] [--lexicons DIR] [--library FILE.csv]... [HELD_BACK.csv]";

    private MonitorEvaluation() {}

    /**
     * @param args {@code --json}, {@code --library FILE} (repeatable), and at most one held-back set
     */
    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /**
     * @param args the command line
     * @param out  where the report goes
     * @return the exit code: 0 once scored
     * @throws UsageException with a one-line message on bad arguments or an unreadable file
     */
    static int run(String[] args, PrintStream out) throws UsageException {
        boolean json = false;
        boolean model = true;
        List<Path> libraryFiles = new ArrayList<>();
        Path lexicons = null;
        List<Path> heldBack = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--no-model" -> model = false;
                case "--library" -> {
                    if (i + 1 == args.length) {
                        throw new UsageException("--library needs a library CSV file; " + USAGE);
                    }
                    libraryFiles.add(Path.of(args[++i]));
                }
                case "--lexicons" -> {
                    if (i + 1 == args.length) {
                        throw new UsageException("--lexicons needs the lexicons directory; " + USAGE);
                    }
                    lexicons = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new UsageException("unknown option " + args[i] + "; " + USAGE);
                    }
                    heldBack.add(Path.of(args[i]));
                }
            }
        }
        if (heldBack.size() > 1) {
            throw new UsageException("at most one held-back set; " + USAGE);
        }
        List<PhraseLibrary> libraries = libraryFiles.isEmpty() ? shippedLibraries(lexicons) : libraries(libraryFiles);
        List<LabelledSet> sets = new ArrayList<>(List.of(shippedSet()));
        for (Path file : heldBack) {
            sets.add(readSet(file));
        }
        RiskModel riskModel = model ? RiskModel.curated(libraries) : null;
        PhraseMatcher matcher = PhraseMatcher.build(libraries, riskModel);
        ThresholdScores.Sweep sweep = riskModel == null ? null : new ThresholdScores.Sweep(libraries, riskModel);
        JsonReport jsonReport = new JsonReport(libraries, riskModel);
        TextReport textReport = new TextReport(out);
        if (!json) {
            libraries.forEach(l -> out.printf("library %s %s: %d entries%n", l.name(), l.version(), l.entries().size()));
            out.println(riskModel == null ? "risk model: off (--no-model)" : String.format(Locale.ROOT,
                    "risk model %s %s: %d labelled texts, %d features, threshold %.2f (%.2f beside a level-3 phrase)",
                    RiskModel.NAME, riskModel.version(), riskModel.texts(), riskModel.features(), riskModel.threshold(),
                    RiskModel.BESIDE_AN_ALERT));
        }
        for (LabelledSet set : sets) {
            List<Outcome> outcomes = Evaluation.run(matcher, set);
            Scores scores = Scores.of(outcomes);
            List<ThresholdScores> thresholds = sweep == null ? List.of() : sweep.of(set);
            if (json) {
                jsonReport.set(set, outcomes, scores, thresholds);
            } else {
                textReport.set(set, outcomes, scores, thresholds);
            }
        }
        if (json) {
            out.println(jsonReport.toJson());
        }
        return 0;
    }

    /**
     * The libraries the server's matcher is built from: the curated ones, with the outside lexicons
     * when given, as {@code lantern.monitor.lexicons-dir} does.
     */
    static List<PhraseLibrary> shippedLibraries(Path lexicons) throws UsageException {
        try {
            return MonitorLibraries.withLexicons(lexicons);
        } catch (IOException | LibraryFormatException e) {
            throw new UsageException("cannot import the lexicons in " + lexicons + ": " + e.getMessage());
        }
    }

    /** The files as libraries; a rule may name a term list of any of them, as a split category's files do. */
    private static List<PhraseLibrary> libraries(List<Path> files) throws UsageException {
        List<PhraseLibrary> libraries = new ArrayList<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                libraries.add(new PhraseLibrary(file.getFileName().toString(), "file",
                        LibraryCsv.readEntries(reader, List.of(), false)));
            } catch (IOException e) {
                throw new UsageException("cannot read library " + file + ": " + e.getMessage());
            } catch (LibraryFormatException e) {
                throw new UsageException("library " + file + ": " + e.getMessage());
            }
        }
        List<PhraseEntry> all = libraries.stream().flatMap(l -> l.entries().stream()).toList();
        for (PhraseLibrary library : libraries) {
            try {
                LibraryCsv.checkLists(library.entries(), all);
            } catch (LibraryFormatException e) {
                throw new UsageException("library " + library.name() + ": " + e.getMessage());
            }
        }
        return libraries;
    }

    /** @return the labelled set shipped in the repository */
    public static LabelledSet shippedSet() {
        try (InputStream in = MonitorEvaluation.class.getResourceAsStream(SHIPPED_SET)) {
            if (in == null) {
                throw new IllegalStateException("evaluation set missing from the class path: " + SHIPPED_SET);
            }
            return LabelledSet.read(new InputStreamReader(in, StandardCharsets.UTF_8), SHIPPED_SET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LabelledSetFormatException e) {
            throw new IllegalStateException("the shipped evaluation set is invalid: " + e.getMessage(), e);
        }
    }

    private static LabelledSet readSet(Path file) throws UsageException {
        try {
            return LabelledSet.read(file);
        } catch (IOException e) {
            throw new UsageException("cannot read evaluation set " + file + ": " + e.getMessage());
        } catch (LabelledSetFormatException e) {
            throw new UsageException("evaluation set " + file + ": " + e.getMessage());
        }
    }

    /** A bad command line or file, said in one line. */
    static final class UsageException extends Exception {

        UsageException(String message) {
            super(message);
        }
    }
}
