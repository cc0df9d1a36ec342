package org.lantern.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.lantern.monitor.lexicon.MonitorLibraries;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.match.ClassificationJson;
import org.lantern.monitor.match.PhraseMatcher;
import org.lantern.monitor.model.RiskModel;
import org.lantern.server.monitoring.ClassifyLimits;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern classify TEXT...} and {@code lantern classify --file FILE}: what the safeguarding
 * monitor makes of texts (level, categories, help-seeking, and why), with Lantern's curated phrase
 * libraries and their risk model (which reads whole sentences; {@code --no-model} leaves it out)
 * and, with {@code --lexicons DIR}, the outside lexicons a school keeps there.
 * Plain Java, no server and no database, so a DSL can try a phrase and a technician can run a log
 * through it anywhere. With {@code --server}, the school's server classifies instead
 * ({@code POST /api/v1/monitor/classify}, a file in batches: {@link ClassifyBatches}), with the
 * libraries as the school has edited them and its exclusions; the lines printed are the same.
 * The JSON is {@link ClassificationJson}'s, the same as the server's API.
 * Texts exit 1 when any is at level 3 or more, else 0; a file exits 0 once read through; 2 is an error.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify texts as the safeguarding monitor would (exit code 1 when a text is at level 3 or more, 2 error).")
class ClassifyCommand implements Callable<Integer> {

    /** The level from which a text is worth someone's attention now, hence exit code 1. */
    private static final int ALERT_LEVEL = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts to classify, each one argument.")
    List<String> texts = List.of();

    @Option(names = "--file", paramLabel = "FILE",
            description = "Classify every line of FILE ('-' for standard input): one JSON line out per line in, same order.")
    String file;

    @Option(names = "--age-band", paramLabel = "BAND", defaultValue = "ks3",
            description = "Who wrote the texts: primary, ks3, ks4, post16 or staff (default: ${DEFAULT-VALUE}).")
    String ageBand;

    @Option(names = "--lexicons", paramLabel = "DIR",
            description = "Also import the outside lexicons in DIR (suicide-risk-lexicon-v1.0.csv, ldnoobw/), as the server's LANTERN_MONITOR_LEXICONSDIR.")
    Path lexicons;

    @Option(names = "--no-model", description = "Phrases only: leave out the risk model, which reads whole sentences.")
    boolean noModel;

    @Option(names = "--json", description = "Print one JSON object a line (always so with --file).")
    boolean json;

    @Option(names = "--server", paramLabel = "URL", arity = "0..1", fallbackValue = "",
            description = "Ask the Lantern server at URL, which uses the school's edited libraries and exclusions "
                    + "(no URL: $$LANTERN_SERVER, else the demo running from --data-dir, else http://localhost:8080).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:LANTERN_TOKEN}",
            description = "With --server, an API token whose account may classify (default: $$LANTERN_TOKEN).")
    String token;

    @Option(names = "--data-dir", defaultValue = DataDirectory.DEFAULT,
            description = "With --server and no URL, a demo's data directory, to find the demo's address "
                    + "(default: $$LANTERN_DATA_DIR, else ./data).")
    String dataDir;

    @Override
    public Integer call() throws IOException {
        AgeBand band = AgeBand.ofId(ageBand.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new CliException(
                "--age-band must be one of " + AgeBand.ids() + ", not '" + ageBand + "'"));
        if (file == null && texts.isEmpty()) {
            throw new CliException("give texts to classify, or --file FILE (see 'lantern classify --help')");
        }
        if (file != null && !texts.isEmpty()) {
            throw new CliException("give texts to classify or --file FILE, not both");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (server != null) {
            if (lexicons != null) {
                throw new CliException("--lexicons is for classifying here; the server uses the lexicons it was "
                        + "started with (give one of --lexicons or --server)");
            }
            ClassifyClient client = new ClassifyClient(ActivityCommand.ServerOptions.serverUrl(server, dataDir),
                    ActivityCommand.ServerOptions.token(token, "'./lantern token create --user dsl'"));
            if (file != null) {
                read((in, progress) -> new ClassifyBatches(client, band, source(), out, spec.commandLine().getErr(),
                        progress).classify(in));
                return 0;
            }
            List<String> results = new ArrayList<>();
            for (int from = 0; from < texts.size(); from += ClassifyLimits.MAX_TEXTS) {
                results.addAll(client.classify(texts.subList(from, Math.min(texts.size(), from + ClassifyLimits.MAX_TEXTS)),
                        band));
            }
            return print(results, out);
        }
        List<PhraseLibrary> libraries = libraries();
        PhraseMatcher matcher = PhraseMatcher.build(libraries, noModel ? null : RiskModel.curated(libraries));
        if (file != null) {
            read((in, progress) -> new ClassifyFile(matcher, band, source(), out, spec.commandLine().getErr(), progress)
                    .classify(in));
            return 0;
        }
        return print(texts.stream().map(text -> ClassificationJson.toJson(matcher.classify(text, band))).toList(), out);
    }

    /** Prints each text's JSON, or its summary for a person; exit code 1 when any is at level 3 or more. */
    private int print(List<String> results, PrintWriter out) throws IOException {
        int highest = 0;
        for (String result : results) {
            JsonNode classification = JSON.readTree(result);
            out.println(json ? result : summary(classification));
            highest = Math.max(highest, classification.path("level").asInt());
        }
        out.flush();
        return highest >= ALERT_LEVEL ? 1 : 0;
    }

    private List<PhraseLibrary> libraries() {
        try {
            return MonitorLibraries.withLexicons(lexicons);
        } catch (IOException | LibraryFormatException e) {
            throw new CliException("cannot import the lexicons in " + lexicons + ": " + e.getMessage());
        }
    }

    /** Reads the file through, here or on the server. */
    private interface FileClassifier {
        long classify(InputStream in, Progress progress) throws IOException;
    }

    /** Streams the file in chunks of lines: constant memory however long it is. */
    private void read(FileClassifier classifier) throws IOException {
        // progress only for a person watching: a pipeline's stderr stays for errors
        Progress progress = ActivityCommand.onTerminal()
                ? new Progress(spec.commandLine().getErr(), "lantern classify: ") : null;
        try (InputStream in = open()) {
            classifier.classify(in, progress);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + CliException.rootMessage(e));
        }
    }

    private String source() {
        return file.equals("-") ? "standard input" : file;
    }

    private InputStream open() {
        if (file.equals("-")) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read " + file + ": there is no such file; give a file of one text a line, "
                    + "or '-' for standard input");
        } catch (IOException | RuntimeException e) {
            throw new CliException("cannot read " + file + " (" + e.getClass().getSimpleName() + ": "
                    + CliException.rootMessage(e) + "); give a readable file of one text a line, or '-' for standard input");
        }
    }

    /**
     * One line for a person from a text's JSON: level, what was found and the text, with illegal
     * content masked as the JSON masks it.
     */
    private static String summary(JsonNode classification) {
        List<String> found = new ArrayList<>();
        for (JsonNode match : classification.path("categories")) {
            found.add(match.path("id").asText() + " " + match.path("level").asInt() + " \"" + match.path("phrase").asText()
                    + "\"" + (match.has("note") ? " (" + match.path("note").asText() + ")" : ""));
        }
        return "level " + classification.path("level").asInt()
                + (classification.path("helpSeeking").asBoolean() ? " (help-seeking)" : "")
                + ": " + (found.isEmpty() ? "nothing found" : String.join("; ", found)) + " | "
                + classification.path("text").asText();
    }
}
