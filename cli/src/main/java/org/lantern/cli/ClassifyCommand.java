package org.lantern.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.lantern.monitor.lexicon.MonitorLibraries;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.match.Classification;
import org.lantern.monitor.match.ClassificationJson;
import org.lantern.monitor.match.Match;
import org.lantern.monitor.match.PhraseMatcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern classify TEXT...} and {@code lantern classify --file FILE}: what the safeguarding
 * monitor makes of texts (level, categories, help-seeking, and why), with Lantern's curated phrase
 * libraries and, with {@code --lexicons DIR}, the outside lexicons a school keeps there.
 * Plain Java, no server and no database, so a DSL can try a phrase and a technician can run a log
 * through it anywhere. The JSON is {@link ClassificationJson}'s, the same as the server's API.
 * Texts exit 1 when any is at level 3 or more, else 0; a file exits 0 once read through; 2 is an error.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify texts as the safeguarding monitor would (exit code 1 when a text is at level 3 or more, 2 error).")
class ClassifyCommand implements Callable<Integer> {

    /** The level from which a text is worth someone's attention now, hence exit code 1. */
    private static final int ALERT_LEVEL = 3;

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

    @Option(names = "--json", description = "Print one JSON object a line (always so with --file).")
    boolean json;

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
        PhraseMatcher matcher = PhraseMatcher.build(libraries());
        PrintWriter out = spec.commandLine().getOut();
        if (file != null) {
            classifyFile(matcher, band, out);
            return 0;
        }
        int highest = 0;
        for (String text : texts) {
            Classification classification = matcher.classify(text, band);
            out.println(json ? ClassificationJson.toJson(classification) : summary(classification));
            highest = Math.max(highest, classification.level());
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

    /** Streams the file in chunks of lines: constant memory however long it is. */
    private void classifyFile(PhraseMatcher matcher, AgeBand band, PrintWriter out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        // progress only for a person watching: a pipeline's stderr stays for errors
        Progress progress = ActivityCommand.onTerminal()
                ? new Progress(err, "lantern classify: ") : null;
        String source = file.equals("-") ? "standard input" : file;
        try (InputStream in = open()) {
            new ClassifyFile(matcher, band, source, out, err, progress).classify(in);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + CliException.rootMessage(e));
        }
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

    /** One line for a person: level, what was found and the text, with illegal content masked. */
    private static String summary(Classification classification) {
        String found = classification.matches().isEmpty() ? "nothing found"
                : classification.matches().stream()
                        .map(match -> describe(match, ClassificationJson.masked(match, classification)))
                        .collect(Collectors.joining("; "));
        return "level " + classification.level() + (classification.helpSeeking() ? " (help-seeking)" : "")
                + ": " + found + " | " + ClassificationJson.maskedText(classification);
    }

    private static String describe(Match match, boolean masked) {
        return match.category().id() + " " + match.level() + " \""
                + (masked ? ClassificationJson.mask(match.phrase()) + "\" (" + ClassificationJson.MASKED_NOTE + ")"
                        : match.phrase() + "\"");
    }
}
