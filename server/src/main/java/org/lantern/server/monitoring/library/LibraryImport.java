package org.lantern.server.monitoring.library;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.LibraryEdit;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;
import org.lantern.monitor.library.SchoolEdits;
import org.springframework.stereotype.Service;

/**
 * A whole library imported from CSV (as exported, edited in a spreadsheet): the file becomes the
 * library. Every line is checked (UTF-8, known category and the library's own, levels 1 to 5,
 * phrases of 2 to {@value LibraryCsv#MAX_PHRASE} characters, no duplicates, rules that parse) and
 * every problem reported with its line; a file with any problem changes nothing. A good file is
 * one new version holding what differs from the library in force: phrases added or changed, and
 * phrases the file no longer has removed.
 */
@Service
public class LibraryImport {

    /** Largest file accepted: a library is some thousands of lines, never megabytes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final MonitorEngine engine;
    private final LibraryChanges changes;

    LibraryImport(MonitorEngine engine, LibraryChanges changes) {
        this.engine = engine;
        this.changes = changes;
    }

    /**
     * @param csv the file's bytes
     * @return the new version's number
     * @throws LibraryRejectedException listing every problem; nothing is applied
     */
    public int importCsv(Category category, byte[] csv, String reason, String actor) {
        LibraryChanges.editable(category);
        LibraryChanges.reason(reason);
        if (csv.length > MAX_BYTES) {
            throw new LibraryRejectedException("The file is " + csv.length / 1024 + " KB; a library file is at most "
                    + MAX_BYTES / 1024 / 1024 + " MB.");
        }
        String text = decode(csv);
        PhraseLibrary current = engine.library(category);
        List<PhraseEntry> others = engine.libraries().stream().filter(l -> l != current)
                .flatMap(l -> l.entries().stream()).toList();
        List<PhraseEntry> imported;
        try {
            imported = LibraryCsv.readEntries(new StringReader(text), others, true);
        } catch (LibraryFormatException e) {
            throw new LibraryRejectedException(e.errors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        for (PhraseEntry entry : imported) {
            if (entry.category() != category) {
                problems.add("line " + entry.line() + ": category '" + entry.category().id() + "' is not this library's ('"
                        + category.id() + "'); import each category's library on its own.");
            }
        }
        if (imported.isEmpty()) {
            problems.add("line 2: the file has no phrases; a library keeps at least one (remove phrases one by one "
                    + "to empty it).");
        }
        if (!problems.isEmpty()) {
            throw new LibraryRejectedException(problems);
        }
        List<LibraryEdit> edits = diff(current, imported);
        if (edits.isEmpty()) {
            throw new LibraryRejectedException("The file is the library as it is now: nothing to change.");
        }
        long puts = edits.stream().filter(e -> e instanceof LibraryEdit.Put).count();
        return changes.commit(category, "import", "Imported " + imported.size() + " phrases: " + puts
                + " added or changed, " + (edits.size() - puts) + " removed", reason, actor, edits);
    }

    /** @return the puts and removes that make {@code current} into {@code imported} */
    static List<LibraryEdit> diff(PhraseLibrary current, List<PhraseEntry> imported) {
        Map<String, PhraseEntry> now = new LinkedHashMap<>();
        for (PhraseEntry entry : current.entries()) {
            now.put(SchoolEdits.key(entry.phrase(), entry.language()), entry);
        }
        List<LibraryEdit> edits = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (PhraseEntry entry : imported) {
            String key = SchoolEdits.key(entry.phrase(), entry.language());
            kept.add(key);
            PhraseEntry was = now.get(key);
            if (was == null || !LibraryCsv.row(was).equals(LibraryCsv.row(entry))) {
                edits.add(new LibraryEdit.Put(entry));
            }
        }
        now.forEach((key, entry) -> {
            if (!kept.contains(key)) {
                edits.add(new LibraryEdit.Remove(entry.phrase(), entry.language()));
            }
        });
        return edits;
    }

    /** Strict UTF-8 (a byte-order mark is allowed): a bad byte is reported with its line. */
    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new LibraryRejectedException("line " + line + ": not valid UTF-8 (byte " + (in.position() + 1)
                    + "); save the file as CSV UTF-8 and import it again.");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
