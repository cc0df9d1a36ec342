package org.lantern.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@code lantern activity import} and {@code ship} tell the person as stretches are answered:
 * each bad line with its number on stderr as it comes, progress when a person is watching, and at
 * the end the counts over every file, as the last line or as JSON.
 */
final class ImportTotals implements LogSender.Listener {

    private final PrintWriter err;
    private final boolean progress;
    private final Map<Path, FileCounts> files = new LinkedHashMap<>();
    private final Map<Path, Progress> progressOf = new HashMap<>();
    private long imported;
    private long duplicates;
    private long bad;
    private long unattributed;

    /** One file's counts. */
    private static final class FileCounts {
        final List<IngestClient.BadLine> badLines = new ArrayList<>();
        long imported;
        long duplicates;
        long bad;
    }

    ImportTotals(PrintWriter err, boolean progress) {
        this.err = err;
        this.progress = progress;
    }

    @Override
    public void sent(Path file, IngestClient.Sent sent, long sentTo, long size) {
        imported += sent.stored();
        duplicates += sent.duplicates();
        bad += sent.bad();
        unattributed += sent.unattributed();
        FileCounts counts = of(file);
        counts.imported += sent.stored();
        counts.duplicates += sent.duplicates();
        counts.bad += sent.bad();
        for (IngestClient.BadLine line : sent.badLines()) {
            err.println(file + ":" + line.line() + ": " + line.reason());
            counts.badLines.add(line);
        }
        if (sent.bad() > sent.badLines().size()) {
            err.println(file + ": " + (sent.bad() - sent.badLines().size()) + " more bad lines not listed");
        }
        if (progress) {
            progressOf.computeIfAbsent(file, f -> new Progress(err, f.getFileName() + ": ")).sent(sentTo, size);
        }
        err.flush();
    }

    @Override
    public void resumed(Path file, IngestClient.Position at) {
        of(file);
        err.println(file + ": the server has it up to line " + at.line() + "; sending on from there");
        err.flush();
    }

    private FileCounts of(Path file) {
        return files.computeIfAbsent(file, f -> new FileCounts());
    }

    /** @return whether any stretch was answered with anything in it */
    boolean any() {
        return imported + duplicates + bad > 0;
    }

    /** Rows nobody could be tied to are kept, and said, since a school may want to add the user names. */
    void sayUnattributed() {
        if (unattributed > 0) {
            err.println(unattributed + " of the rows imported are tied to nobody: their user name and address are "
                    + "not in the people directory");
            err.flush();
        }
    }

    /** @return the last line: {@code imported N, duplicates D, bad B} */
    String line() {
        return "imported " + imported + ", duplicates " + duplicates + ", bad " + bad;
    }

    /** @return the counts, over all and per file, as one JSON object */
    String json() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("imported", imported);
        all.put("duplicates", duplicates);
        all.put("bad", bad);
        all.put("unattributed", unattributed);
        all.put("files", files.entrySet().stream().map(f -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("file", f.getKey().toString());
            one.put("imported", f.getValue().imported);
            one.put("duplicates", f.getValue().duplicates);
            one.put("bad", f.getValue().bad);
            one.put("badLines", f.getValue().badLines);
            return one;
        }).toList());
        try {
            return new ObjectMapper().writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("numbers, strings and records always write", e);
        }
    }
}
