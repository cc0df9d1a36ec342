package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.proxy.reload.FileSetReloader.Outcome;

/** The standalone ICAP server's lists follow their files without a restart. */
class CategoryListReloaderTest {

    private static final String CASINO = "http://casino.example/";
    private static final String POKER = "http://poker.example/";

    @TempDir
    Path lists;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private CategoryListReloader reloader;
    private CategoryListDecider decider;
    private IcapServer server;

    @BeforeEach
    void gamblingListBlockingOneCasino() throws IOException {
        Files.createDirectories(lists.resolve("gambling"));
        Files.writeString(lists.resolve("gambling/domains"), "casino.example\n");
        reloader = CategoryListReloader.load(lists, "test", Set.of("gambling"), log::add);
        decider = new CategoryListDecider(reloader.registry(), Set.of("gambling"));
    }

    @AfterEach
    void stop() {
        reloader.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void domainAddedToABlockedCategoryIsBlockedAfterTheNextCheck() throws IOException {
        assertThat(decider.decide(POKER, "GET", "", "")).isEqualTo(IcapVerdict.ALLOW);
        addToGambling("poker.example");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(decider.decide(POKER, "GET", "", "")).isInstanceOf(IcapVerdict.Block.class);
        assertThat(decider.decide(CASINO, "GET", "", "")).isInstanceOf(IcapVerdict.Block.class);
    }

    @Test
    void reloadChangesTheIstagSoSquidRefreshesItsOptions() throws IOException {
        server = IcapServer.start(IcapServerConfig.defaults().withPort(0), decider);
        String before = server.istag();
        addToGambling("poker.example");

        reloader.reloadIfChanged();

        assertThat(server.istag()).isNotEqualTo(before);
    }

    @Test
    void unchangedFilesAreNotReadAgain() {
        CategoryLists inForce = reloader.registry().current();

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.UNCHANGED);

        assertThat(reloader.registry().current()).isSameAs(inForce);
    }

    @Test
    void reloadThatFailsKeepsThePreviousListsServingAndSaysSo() throws IOException {
        CategoryLists inForce = reloader.registry().current();
        Files.delete(lists.resolve("gambling/domains"));
        Files.delete(lists.resolve("gambling"));

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);

        assertThat(reloader.registry().current()).isSameAs(inForce);
        assertThat(decider.decide(CASINO, "GET", "", "")).isInstanceOf(IcapVerdict.Block.class);
        assertThat(log).last().asString().contains("could not be reloaded", "no list folder for category 'gambling'",
                "the previous lists stay in force");
    }

    @Test
    void failedReloadIsRetriedAndSucceedsOnceTheFilesAreBack() throws IOException {
        Path moved = Files.move(lists.resolve("gambling"), lists.resolve("gambling.old"));
        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);
        Files.move(moved, lists.resolve("gambling"));
        addToGambling("poker.example");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(decider.decide(POKER, "GET", "", "")).isInstanceOf(IcapVerdict.Block.class);
    }

    @Test
    void badLinesInAnUpdatedFileAreSkippedAndCountedWhileTheGoodOnesLoad() throws IOException {
        addToGambling("poker.example\nnot a host name\u0001\n");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(log).contains("loaded gambling/domains: 2 entries, 1 skipped");
        assertThat(decider.decide(POKER, "GET", "", "")).isInstanceOf(IcapVerdict.Block.class);
    }

    @Test
    void setChangedWhileBeingReadIsNotSwappedInButReadAgainAtTheNextCheck() throws IOException {
        AtomicBoolean editWhileReading = new AtomicBoolean();
        CategoryListReloader midEdit = CategoryListReloader.load(lists, "test", Set.of("gambling"), line -> {
            if (line.startsWith("loaded gambling/domains") && editWhileReading.getAndSet(false)) {
                addToGambling("roulette.example");
            }
        });
        CategoryLists inForce = midEdit.registry().current();
        addToGambling("poker.example");
        editWhileReading.set(true);

        assertThat(midEdit.reloadIfChanged()).isEqualTo(Outcome.CHANGED_WHILE_READING);
        assertThat(midEdit.registry().current()).isSameAs(inForce);

        assertThat(midEdit.reloadIfChanged()).isEqualTo(Outcome.RELOADED);
        CategoryListDecider reloaded = new CategoryListDecider(midEdit.registry(), Set.of("gambling"));
        assertThat(reloaded.decide("http://roulette.example/", "GET", "", "")).isInstanceOf(IcapVerdict.Block.class);
    }

    @Test
    void releaseSwitchedInByRepointingASymlinkIsLoaded() throws IOException {
        Path release1 = Files.createDirectories(lists.resolve("release-1/gambling"));
        Files.writeString(release1.resolve("domains"), "casino.example\n");
        Path current = Files.createSymbolicLink(lists.resolve("current"), lists.resolve("release-1"));
        CategoryListReloader viaLink = CategoryListReloader.load(current, "test", Set.of("gambling"), log::add);
        Path release2 = Files.createDirectories(lists.resolve("release-2/gambling"));
        Files.writeString(release2.resolve("domains"), "poker.example\n");
        Files.delete(current);
        Files.createSymbolicLink(current, lists.resolve("release-2"));

        assertThat(viaLink.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        CategoryListDecider switched = new CategoryListDecider(viaLink.registry(), Set.of("gambling"));
        assertThat(switched.decide(POKER, "GET", "", "")).isInstanceOf(IcapVerdict.Block.class);
        assertThat(switched.decide(CASINO, "GET", "", "")).isEqualTo(IcapVerdict.ALLOW);
    }

    @Test
    void backgroundCheckPicksUpAnEditUnasked() throws Exception {
        reloader.pollEvery(Duration.ofMillis(20));
        addToGambling("poker.example");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(decider.decide(POKER, "GET", "", "") instanceof IcapVerdict.Block) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(decider.decide(POKER, "GET", "", "")).isInstanceOf(IcapVerdict.Block.class);
    }

    private void addToGambling(String lines) {
        try {
            Files.writeString(lists.resolve("gambling/domains"), lines + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
