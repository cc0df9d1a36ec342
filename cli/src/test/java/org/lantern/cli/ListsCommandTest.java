package org.lantern.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lantern lists update} against a real HTTP server on loopback, serving a good UT1-style
 * archive and bad ones: each bad one is refused with one line saying why, and the lists in force
 * are left exactly as they were, with nothing left beside them.
 */
class ListsCommandTest {

    @TempDir
    Path parent;

    private Path lists;
    private HttpServer server;
    private final Map<String, byte[]> served = new LinkedHashMap<>();
    private final CliRun cli = new CliRun();

    @BeforeEach
    void serveArchivesAndKeepListsInForce() throws IOException {
        lists = parent.resolve("lists");
        Files.createDirectories(lists.resolve("gambling"));
        Files.writeString(lists.resolve("gambling/domains"), "old.example\n");
        served.put("/good.tar.gz", archive(file("blacklists/gambling/domains", "bet365.com\nbetfair.com\n"),
                file("blacklists/adult/domains", "adult.example\n"), file("blacklists/adult/urls", "adult.example/x\n"),
                link("blacklists/porn", "adult"), file("blacklists/README", "UT1\n")));
        byte[] good = served.get("/good.tar.gz");
        served.put("/truncated.tar.gz", Arrays.copyOf(good, good.length - 40));
        served.put("/traversal.tar.gz", archive(file("blacklists/gambling/domains", "bet365.com\n"),
                file("blacklists/../../evil", "owned\n")));
        served.put("/absolute.tar.gz", archive(file("blacklists/gambling/domains", "bet365.com\n"),
                file(parent.resolve("absolute-evil").toString(), "owned\n")));
        served.put("/symlink.tar.gz", archive(file("blacklists/gambling/domains", "bet365.com\n"),
                link("blacklists/escape", "../../.."), file("blacklists/escape/evil", "owned\n")));
        served.put("/link-through-link.tar.gz", archive(file("blacklists/gambling/domains", "bet365.com\n"),
                link("blacklists/here", "."), link("blacklists/out", "here/../..")));
        served.put("/flat.tar.gz", archive(file("gambling/domains", "bet365.com\n"), file("vpn/domains", "vpn.example\n")));
        served.put("/no-lists.tar.gz", archive(file("site/index.html", "<html></html>\n")));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServing() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aGoodArchiveReplacesTheListsWholeWithProgressAndLeavesNothingBeside() throws IOException {
        int code = cli.lantern("lists", "update", "--from", url("/good.tar.gz"), "--dir", lists.toString());

        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(lists.resolve("gambling/domains")).hasContent("bet365.com\nbetfair.com");
        assertThat(lists.resolve("adult/urls")).exists();
        assertThat(Files.readSymbolicLink(lists.resolve("porn"))).isEqualTo(Path.of("adult"));
        assertThat(lists.resolve("porn/domains")).hasContent("adult.example");
        assertThat(siblings()).containsExactly("lists");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lists))).isEqualTo("rwxr-xr-x");
        assertThat(cli.err.toString()).contains("lantern lists update: downloaded", "lantern lists update: unpacked 5 entries");
        assertThat(cli.out.toString()).contains("Updated " + lists + ": 2 categories from " + url("/good.tar.gz"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/truncated.tar.gz        | refused: the archive is incomplete or damaged",
            "/traversal.tar.gz        | refused: the archive holds blacklists/../../evil, which would be written outside",
            "/absolute.tar.gz         | refused: the archive holds an absolute path",
            "/symlink.tar.gz          | refused: the archive holds a link, blacklists/escape -> ../../..",
            "/link-through-link.tar.gz | which would be written outside the lists' directory",
            "/no-lists.tar.gz         | refused: the archive holds no category lists",
            "/missing.tar.gz          | cannot download http://127.0.0.1"})
    void aBadArchiveIsRefusedInOneLineAndChangesNothing(String path, String saying) throws IOException {
        int code = cli.lantern("lists", "update", "--from", url(path), "--dir", lists.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.out.toString()).isEmpty();
        List<String> err = cli.err.toString().lines().toList();
        assertThat(err.getLast()).startsWith("lantern lists update: ").contains(saying, "the lists in force are unchanged");
        assertThat(err.subList(0, err.size() - 1))
                .allMatch(line -> line.matches("lantern lists update: (downloading|downloaded|unpacked) .*"), "progress");
        assertThat(lists.resolve("gambling/domains")).hasContent("old.example");
        try (Stream<Path> inForce = Files.walk(lists)) {
            assertThat(inForce.map(lists::relativize).map(Path::toString)).containsExactlyInAnyOrder("", "gambling",
                    "gambling/domains");
        }
        assertThat(siblings()).containsExactly("lists");
        assertThat(parent.getParent().resolve("evil")).doesNotExist();
    }

    @Test
    void anArchiveWithoutATopDirectoryIsTheSetItselfAndReadableByOtherUsersAsTheListsWere() throws IOException {
        int code = cli.lantern("lists", "update", "--from", url("/flat.tar.gz"), "--dir", lists.toString());

        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(lists.resolve("vpn/domains")).hasContent("vpn.example");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lists))).isEqualTo("rwxr-xr-x");
        assertThat(siblings()).containsExactly("lists");
    }

    @Test
    void anUnreachableServerIsOneLineNamingWhatFailedAndChangesNothing() throws IOException {
        int code = cli.lantern("lists", "update", "--from", "http://lists.invalid/blacklists.tar.gz", "--dir",
                lists.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString().lines().toList().getLast())
                .startsWith("lantern lists update: cannot download http://lists.invalid/blacklists.tar.gz (")
                .doesNotContain("(null)").endsWith("the lists in force are unchanged");
        assertThat(lists.resolve("gambling/domains")).hasContent("old.example");
        assertThat(siblings()).containsExactly("lists");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> all = Files.list(parent)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private record Entry(String name, String content, String linkTarget) {
    }

    private static Entry file(String name, String content) {
        return new Entry(name, content, null);
    }

    private static Entry link(String name, String target) {
        return new Entry(name, null, target);
    }

    /** A .tar.gz of the entries as given, absolute and {@code ..} names kept, as a hostile server would send. */
    private static byte[] archive(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Entry entry : entries) {
                TarArchiveEntry header;
                if (entry.linkTarget() != null) {
                    header = new TarArchiveEntry(entry.name(), TarConstants.LF_SYMLINK, true);
                    header.setLinkName(entry.linkTarget());
                    tar.putArchiveEntry(header);
                } else {
                    byte[] content = entry.content().getBytes(StandardCharsets.UTF_8);
                    header = new TarArchiveEntry(entry.name(), true);
                    header.setSize(content.length);
                    tar.putArchiveEntry(header);
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
