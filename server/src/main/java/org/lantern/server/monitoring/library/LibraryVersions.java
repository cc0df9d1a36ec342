package org.lantern.server.monitoring.library;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantern.monitor.library.Category;
import org.lantern.monitor.library.LibraryCsv;
import org.lantern.monitor.library.LibraryEdit;
import org.lantern.monitor.library.LibraryFormatException;
import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.SchoolEdits;
import org.lantern.server.http.SafeCsv;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The stored versions of a school's library changes ({@code monitor_library_version} and
 * {@code monitor_library_edit}): each version numbered within its library from 1, with who, when,
 * why and its edits in order. Versions are only ever added.
 */
@Repository
public class LibraryVersions {

    /**
     * One version of a library, for its history.
     *
     * @param kind    add, remove, level, exclusion, unexclusion or import
     * @param summary what changed, in words
     */
    public record Version(Category library, int number, String kind, String summary, String reason, String changedBy,
                          Instant changedAt) {
    }

    /**
     * A school exclusion still standing: made by version {@code version} (which identifies it within
     * its library) and not withdrawn since.
     */
    public record Exclusion(Category library, int version, String phrase, String context, String reason,
                            String changedBy, Instant changedAt) {
    }

    private final JdbcClient jdbc;

    LibraryVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the next version of a library with its edits; to be called in the caller's transaction.
     *
     * @return the new version's number
     * @throws LibraryRejectedException when someone else added a version of the library at the same moment
     */
    int add(Category library, String kind, String summary, String reason, String actor, List<LibraryEdit> edits) {
        int number = latest(library) + 1;
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO monitor_library_version (library, version, change_kind, summary, reason, changed_by, "
                            + "changed_at) VALUES (:library, :version, :kind, :summary, :reason, :by, :at)")
                    .param("library", library.id()).param("version", number).param("kind", kind)
                    .param("summary", clip(summary, 1000)).param("reason", reason).param("by", actor)
                    .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new LibraryRejectedException("Someone changed the " + library.id()
                    + " library at the same moment; look at it again and repeat your change if it is still needed.");
        }
        long versionId = keys.getKeyAs(Number.class).longValue();
        int position = 0;
        for (LibraryEdit edit : edits) {
            var insert = jdbc.sql("INSERT INTO monitor_library_edit (version_id, position, action, phrase, language, "
                    + "entry_csv, context) VALUES (:version, :position, :action, :phrase, :language, :entry, :context)")
                    .param("version", versionId).param("position", position++);
            switch (edit) {
                case LibraryEdit.Put put -> insert.param("action", "put").param("phrase", put.entry().phrase())
                        .param("language", put.entry().language())
                        .param("entry", csv(put.entry())).param("context", null);
                case LibraryEdit.Remove remove -> insert.param("action", "remove").param("phrase", remove.phrase())
                        .param("language", remove.language()).param("entry", null).param("context", null);
                case LibraryEdit.Exclude exclude -> insert.param("action", "exclude").param("phrase", exclude.phrase())
                        .param("language", null).param("entry", null).param("context", exclude.context());
                case LibraryEdit.Unexclude unexclude -> insert.param("action", "unexclude")
                        .param("phrase", unexclude.phrase()).param("language", null).param("entry", null)
                        .param("context", unexclude.context());
            }
            insert.update();
        }
        return number;
    }

    /** @return the library's latest version number, 0 when the school has not changed it */
    public int latest(Category library) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM monitor_library_version WHERE library = :library")
                .param("library", library.id()).query(Integer.class).single();
    }

    /** @return the latest version number of every library the school has changed */
    Map<Category, Integer> latest() {
        Map<Category, Integer> latest = new HashMap<>();
        jdbc.sql("SELECT library, MAX(version) AS v FROM monitor_library_version GROUP BY library")
                .query(rs -> {
                    latest.put(Category.ofId(rs.getString("library")).orElseThrow(), rs.getInt("v"));
                });
        return latest;
    }

    /** @return the library's versions, newest first */
    public List<Version> history(Category library) {
        return jdbc.sql("SELECT version, change_kind, summary, reason, changed_by, changed_at FROM monitor_library_version "
                        + "WHERE library = :library ORDER BY version DESC")
                .param("library", library.id())
                .query((rs, n) -> new Version(library, rs.getInt("version"), rs.getString("change_kind"),
                        rs.getString("summary"), rs.getString("reason"), rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** @return every library's edits, oldest version first and in order within one */
    Map<Category, List<LibraryEdit>> edits() {
        Map<Category, List<LibraryEdit>> edits = new HashMap<>();
        jdbc.sql("SELECT v.library, e.action, e.phrase, e.language, e.entry_csv, e.context FROM monitor_library_edit e "
                        + "JOIN monitor_library_version v ON v.id = e.version_id ORDER BY v.library, v.version, e.position")
                .query(rs -> {
                    Category library = Category.ofId(rs.getString("library")).orElseThrow();
                    LibraryEdit edit = switch (rs.getString("action")) {
                        case "put" -> new LibraryEdit.Put(entry(rs.getString("entry_csv")));
                        case "remove" -> new LibraryEdit.Remove(rs.getString("phrase"), rs.getString("language"));
                        case "exclude" -> new LibraryEdit.Exclude(library, rs.getString("phrase"), rs.getString("context"));
                        case "unexclude" -> new LibraryEdit.Unexclude(library, rs.getString("phrase"), rs.getString("context"));
                        default -> throw new IllegalStateException("unknown library edit " + rs.getString("action"));
                    };
                    edits.computeIfAbsent(library, c -> new ArrayList<>()).add(edit);
                });
        return edits;
    }

    /**
     * @return the library's school exclusions not withdrawn since, oldest first (an exclusion and a
     *         withdrawal are matched by phrase and context in matching form, as the libraries compare them)
     */
    public List<Exclusion> exclusions(Category library) {
        Map<String, Exclusion> standing = new LinkedHashMap<>();
        jdbc.sql("SELECT v.version, v.reason, v.changed_by, v.changed_at, e.action, e.phrase, e.context "
                        + "FROM monitor_library_edit e JOIN monitor_library_version v ON v.id = e.version_id "
                        + "WHERE v.library = :library AND e.action IN ('exclude', 'unexclude') ORDER BY v.version, e.position")
                .param("library", library.id())
                .query(rs -> {
                    String phrase = rs.getString("phrase");
                    String context = rs.getString("context");
                    String key = SchoolEdits.normal(phrase) + '\u0000' + SchoolEdits.normal(context);
                    if (rs.getString("action").equals("exclude")) {
                        standing.putIfAbsent(key, new Exclusion(library, rs.getInt("version"), phrase, context,
                                rs.getString("reason"), rs.getString("changed_by"),
                                rs.getObject("changed_at", OffsetDateTime.class).toInstant()));
                    } else {
                        standing.remove(key);
                    }
                });
        return List.copyOf(standing.values());
    }

    private static PhraseEntry entry(String csv) {
        try {
            // a stored entry was checked whole when it was added; the lists its rule names are
            // checked again when the libraries are put together
            return LibraryCsv.readEntries(new StringReader(csv), List.of(), false).getFirst();
        } catch (LibraryFormatException e) {
            throw new IllegalStateException("a stored library edit no longer reads: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entry as a one-line library file, as the import reads it. */
    private static String csv(PhraseEntry entry) {
        return new String(SafeCsv.toBytes(LibraryCsv.columns(), List.of(LibraryCsv.row(entry))), StandardCharsets.UTF_8);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
