package org.lantern.proxy.warmup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The made-up addresses both warm-ups (the squid helper's and the ICAP server's) judge before the
 * first real request: entries from the start of the lists served, so the matching branches are
 * compiled and not only the misses; addresses that match nothing, like most of a school's
 * traffic; and one in four in a shape other than a plain name.
 *
 * <p>Why the shapes: a JVM compiles the branches its first requests took, and a branch first taken
 * by a real request sends the compiled code back to the interpreter (measured on the shared
 * stream: -Xlog:deoptimization showed each shape below doing so until the warm-up had it).
 */
public final class WarmUpUrls {

    /** Entries read from the start of each list file: enough for the hit paths, quick to read. */
    private static final int ENTRIES_PER_LIST = 500;

    /**
     * IP hosts in several forms, search engines, IDN, credentials, ports, dot segments and
     * encodings, and addresses no browser could send, with {@code %d} filled in.
     */
    private static final String[] SHAPES = {
        "http://192.0.2.%d/index.html",
        "http://3221225985/page/%d",
        "http://0xc0.0x0.0x2.%d/",
        "https://[2001:db8::%x]/a",
        "https://www.google.com/search?q=warm+up+%d",
        "https://www.bing.com/search?q=warm%%20up%%20%d&form=QBLH",
        "https://www.youtube.com/watch?v=warm%d",
        "http://xn--bcher-kva.example/%d",
        "http://user:secret@warm-up-%d.example/",
        "http://WWW.Warm-Up-%d.EXAMPLE:8080/a/./b/../c//d?x=%%41",
        "https://warm-up-%d.example.:443/%%7Euser/index.php?id=1&sort=desc",
        "http://warm_up-%d.example/cgi-bin/a.cgi",
        "http://bücher-%d.example/grüße?q=\"ä\"\\",
        "http://[warm-up-%d/",
        "http://warm-up-%d..example/",
    };

    private WarmUpUrls() {
    }

    /**
     * @param domainLists domain list files whose first entries become hits
     * @param urlLists URL list files whose first entries become hits
     * @param count how many addresses to make
     * @return {@code count} absolute addresses: every fourth in one of the shapes, half the rest
     *     matching nothing, the others from the lists (misses too when the lists are empty)
     * @throws IOException if a readable list file cannot be read
     */
    public static List<String> make(List<Path> domainLists, List<Path> urlLists, int count) throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path file : domainLists) {
            for (String host : firstEntries(file)) {
                hits.add("http://www." + host + "/index.html");
            }
        }
        for (Path file : urlLists) {
            for (String url : firstEntries(file)) {
                hits.add("http://" + url);
            }
        }
        List<String> urls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 4 == 3) {
                urls.add(String.format(Locale.ROOT, SHAPES[i / 4 % SHAPES.length], i % 250));
            } else if (i % 2 == 1 || hits.isEmpty()) {
                urls.add(String.format(Locale.ROOT, "https://www.warm-up-%d.example/page/%d?q=%d", i % 5000, i % 97, i));
            } else {
                urls.add(hits.get(i / 2 % hits.size()));
            }
        }
        return urls;
    }

    private static List<String> firstEntries(Path file) throws IOException {
        List<String> entries = new ArrayList<>();
        if (!Files.isReadable(file)) {
            return entries;
        }
        // List files may hold invalid UTF-8 (the loader skips such lines); here they are just replaced.
        try (InputStream in = Files.newInputStream(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            while (entries.size() < ENTRIES_PER_LIST && (line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#") && entry.indexOf(' ') < 0) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }
}
