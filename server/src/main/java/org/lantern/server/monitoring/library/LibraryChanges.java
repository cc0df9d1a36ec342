package org.lantern.server.monitoring.library;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lantern.monitor.library.AgeBand;
import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.LibraryEdit;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.Levels;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.library.SchoolEdits;
import org.lantern.monitor.model.RiskModel;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.http.SafeCsv;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The DSL's team changing the monitor's libraries: add a phrase, remove one, change its levels
 * (per age band), add a school exclusion (a phrase that must not alert in a context, with why) or
 * withdraw one, import a whole library from CSV ({@link LibraryImport}). Each change is checked whole (the
 * libraries must still build), stored as the library's next version with who, when and why, and
 * entered in the audit chain in one transaction; once that has committed the matcher in use is
 * rebuilt. A refused change says why and stores nothing.
 */
@Service
public class LibraryChanges {

    /** Longest reason accepted, matching the column. */
    public static final int MAX_REASON = 500;
    /** Source and licence of a phrase a school adds. */
    static final String SCHOOL_SOURCE = "school";
    static final String SCHOOL_LICENCE = "school's own";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MonitorEngine engine;
    private final LibraryVersions versions;
    private final LibraryCatalogue catalogue;
    private final AuditChain audit;
    private final TransactionTemplate transaction;

    LibraryChanges(MonitorEngine engine, LibraryVersions versions, LibraryCatalogue catalogue, AuditChain audit,
                   PlatformTransactionManager transactions) {
        this.engine = engine;
        this.versions = versions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A phrase as typed into the add form or sent to the API.
     *
     * @param level the level for every age band without its own, 1 to 5
     * @param bands a level per age band id (0 to 5), blank for the default
     * @param rule  blank or {@code alone}, {@code with:LIST}, {@code not-in:CONTEXT|CONTEXT}, ...
     */
    public record NewPhrase(String phrase, String language, String level, Map<String, String> bands, String rule,
                            boolean helpSeeking, boolean identity) {
    }

    /** @return the new version's number */
    public int add(Category category, NewPhrase phrase, String reason, String actor) {
        editable(category);
        PhraseLibrary library = engine.library(category);
        PhraseEntry entry = checked(category, phrase);
        if (SchoolEdits.find(library, entry.phrase(), entry.language()).isPresent()) {
            throw new LibraryRejectedException("Phrase: '" + entry.phrase() + "' (" + entry.language()
                    + ") is already in the library; change its levels instead.");
        }
        return commit(category, "add", "Added '" + entry.phrase() + "' (" + entry.language() + ", level "
                + entry.levels() + ")", reason, actor, List.of(new LibraryEdit.Put(entry)));
    }

    /** @return the new version's number */
    public int remove(Category category, String phrase, String language, String reason, String actor) {
        editable(category);
        PhraseEntry entry = existing(category, phrase, language);
        return commit(category, "remove", "Removed '" + entry.phrase() + "' (" + entry.language() + ")", reason, actor,
                List.of(new LibraryEdit.Remove(entry.phrase(), entry.language())));
    }

    /**
     * @param level the level for age bands without their own, 1 to 5 (0 for a term)
     * @param bands a level per age band id, 0 (no concern) to 5, blank for the default
     * @return the new version's number
     */
    public int levels(Category category, String phrase, String language, String level, Map<String, String> bands,
                      String reason, String actor) {
        editable(category);
        PhraseEntry entry = existing(category, phrase, language);
        List<String> problems = new ArrayList<>();
        Integer base = number(level, entry.rule().term() ? 0 : 1, "Level", problems);
        Levels levels = base == null ? null : Levels.of(base);
        for (AgeBand band : AgeBand.values()) {
            String typed = bands.getOrDefault(band.id(), "").strip();
            if (!typed.isEmpty()) {
                Integer n = number(typed, 0, "Level for " + band.id(), problems);
                if (n != null && levels != null) {
                    levels = levels.with(band, n);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new LibraryRejectedException(problems);
        }
        if (levels.equals(entry.levels())) {
            throw new LibraryRejectedException("Levels: these are its levels already; nothing to change.");
        }
        return commit(category, "level", "Levels of '" + entry.phrase() + "' (" + entry.language() + ") from "
                + entry.levels() + " to " + levels, reason, actor, List.of(new LibraryEdit.Put(entry.withLevels(levels))));
    }

    /**
     * A school exclusion: the phrase no longer alerts where the context holds it, in any library of
     * the category. Called from the alert triage too, in its transaction, so an alert closed as a
     * false positive and its exclusion are stored together or not at all.
     *
     * @return the new version's number
     */
    public int exclude(Category category, String phrase, String context, String reason, String actor) {
        editable(category);
        List<String> problems = new ArrayList<>();
        String p = phrase == null ? "" : phrase.strip();
        String c = context == null ? "" : context.strip().replaceAll("\\s+", " ");
        // the risk model's readings have no phrase: its exclusion names the model and stops it
        // reading the context as this category
        boolean model = p.equals(RiskModel.NAME);
        boolean inForce = model || engine.libraries().stream().flatMap(l -> l.entries().stream())
                .anyMatch(e -> e.category() == category && SchoolEdits.normal(e.phrase()).equals(SchoolEdits.normal(p)));
        if (p.isEmpty() || !inForce) {
            problems.add("Phrase: '" + p + "' is not a phrase of the " + category.id() + " library.");
        }
        if (c.isEmpty() || c.length() > LibraryCsv.MAX_PHRASE) {
            problems.add("Context: write the words the phrase must not alert in, up to " + LibraryCsv.MAX_PHRASE
                    + " characters.");
        } else if (c.contains(";") || c.contains("|")) {
            problems.add("Context: leave out ';' and '|', which separate a rule's parts.");
        } else if (!p.isEmpty() && !model && !SchoolEdits.contains(c, p)) {
            problems.add("Context: '" + c + "' does not hold the phrase '" + p + "' as whole words.");
        }
        if (!problems.isEmpty()) {
            throw new LibraryRejectedException(problems);
        }
        return commit(category, "exclusion", model ? "Exclusion: the risk model does not read '" + c + "' as "
                        + category.id() : "Exclusion: '" + p + "' not in '" + c + "'", reason, actor,
                List.of(new LibraryEdit.Exclude(category, p, c)));
    }

    /**
     * Withdraws a school exclusion: the phrase alerts again in that context, from the next text on.
     *
     * @param version the library version that made the exclusion, which identifies it
     * @return the new version's number
     * @throws LibraryNotFoundException when no exclusion in force was made by that version
     */
    public int unexclude(Category category, int version, String reason, String actor) {
        editable(category);
        LibraryVersions.Exclusion exclusion = catalogue.exclusions(category).stream().filter(x -> x.version() == version)
                .findFirst().orElseThrow(() -> new LibraryNotFoundException("There is no school exclusion of version "
                        + version + " in force in the " + category.id() + " library."));
        return commit(category, "unexclusion", "Exclusion removed: '" + exclusion.phrase() + "' alerts again in '"
                        + exclusion.context() + "' (made by version " + version + ")", reason, actor,
                List.of(new LibraryEdit.Unexclude(category, exclusion.phrase(), exclusion.context())));
    }

    /**
     * Stores one version of a library with its edits, once they are known to build, and rebuilds
     * the matcher in use when the transaction (this one, or the caller's it joins) has committed.
     */
    int commit(Category category, String kind, String summary, String reason, String actor, List<LibraryEdit> edits) {
        String why = reason(reason);
        try {
            engine.preview(category, edits);
        } catch (IllegalArgumentException e) {
            throw new LibraryRejectedException("The libraries would not build: " + e.getMessage());
        }
        Integer version = transaction.execute(status -> {
            int number = versions.add(category, kind, summary, why, actor, edits);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", number);
            detail.put("kind", kind);
            detail.put("summary", summary);
            detail.put("edits", edits.size());
            detail.put("reasonSha256", sha256(why));
            audit.append(actor, "monitor-library.changed", "monitor-library", category.id(), json(detail));
            return number;
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    engine.rebuild();
                }
            });
        } else {
            engine.rebuild();
        }
        return version;
    }

    /** Refuses the illegal category, whose phrases are never shown or changed. */
    static void editable(Category category) {
        if (category == Category.ILLEGAL) {
            throw new LibraryRejectedException("The illegal category is kept as Lantern ships it: its phrases are never "
                    + "shown or changed here.");
        }
    }

    private PhraseEntry existing(Category category, String phrase, String language) {
        return SchoolEdits.find(engine.library(category), phrase == null ? "" : phrase, language == null ? "" : language)
                .orElseThrow(() -> new LibraryNotFoundException("There is no phrase '" + phrase + "' (" + language
                        + ") in the " + category.id() + " library."));
    }

    /** The typed phrase checked as a library line is, so a form and a file are held to the same rules. */
    private PhraseEntry checked(Category category, NewPhrase p) {
        List<String> row = new ArrayList<>(List.of(text(p.phrase()), category.id(), text(p.language()), text(p.level()),
                text(p.rule()), Boolean.toString(p.helpSeeking()), Boolean.toString(p.identity()), SCHOOL_SOURCE,
                SCHOOL_LICENCE, ""));
        for (AgeBand band : AgeBand.values()) {
            row.add(text(p.bands() == null ? null : p.bands().get(band.id())));
        }
        String csv = new String(SafeCsv.toBytes(LibraryCsv.columns(), List.of(row)), StandardCharsets.UTF_8);
        List<PhraseEntry> others = engine.libraries().stream().flatMap(l -> l.entries().stream()).toList();
        try {
            return LibraryCsv.readEntries(new StringReader(csv), others, true).getFirst();
        } catch (LibraryFormatException e) {
            // the form has no lines: say what is wrong without the file's line number
            throw new LibraryRejectedException(e.errors().stream().map(m -> m.replaceFirst("^line \\d+: ", "")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String typed) {
        return typed == null ? "" : typed.strip();
    }

    private static Integer number(String typed, int min, String what, List<String> problems) {
        try {
            int n = Integer.parseInt(typed == null ? "" : typed.strip());
            if (n >= min && n <= Levels.MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below, with the range
        }
        problems.add(what + ": choose a whole number from " + min + " to " + Levels.MAX + ".");
        return null;
    }

    static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new LibraryRejectedException("Reason: say why the library changes; it is kept with the version.");
        }
        if (why.length() > MAX_REASON) {
            throw new LibraryRejectedException("Reason: at most " + MAX_REASON + " characters.");
        }
        return why;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
