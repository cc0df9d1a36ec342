package org.lantern.proxy.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.proxy.reload.FileSetReloader.Outcome;

/** The check, load, verify and swap cycle that every reloader shares, on a one-file value. */
class FileSetReloaderTest {

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Path file;
    private TextReloader reloader;

    /** The text of one file; a file reading {@code fail ...} or {@code exhaust} fails to load. */
    private final class TextReloader extends FileSetReloader<String> {

        volatile String inForce;

        TextReloader(String first, WatchedFiles files) {
            super("texts", file, files, log::add);
            inForce = first;
        }

        @Override
        protected String read(WatchedFiles files) throws IOException {
            files.watch(file);
            String text = Files.readString(file);
            if (text.equals("exhaust")) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (text.startsWith("fail")) {
                throw new IOException(text);
            }
            return text;
        }

        @Override
        protected void swapIn(String value) {
            inForce = value;
        }
    }

    @BeforeEach
    void oneFileInForce() throws IOException {
        file = Files.writeString(dir.resolve("text"), "first");
        WatchedFiles files = new WatchedFiles();
        files.watch(file);
        reloader = new TextReloader("first", files);
    }

    @AfterEach
    void stop() {
        reloader.close();
    }

    @Test
    void aFailureThatPersistsIsLoggedOnceAndANewReasonAgain() throws IOException {
        Files.writeString(file, "fail: disk on fire");
        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);
        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);
        Files.writeString(file, "fail: disk still on fire");
        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);

        assertThat(log).hasSize(2);
        assertThat(log.get(0)).contains("could not be reloaded (fail: disk on fire)");
        assertThat(log.get(1)).contains("could not be reloaded (fail: disk still on fire)");
        assertThat(reloader.inForce).isEqualTo("first");
    }

    @Test
    void runningOutOfMemoryWhileLoadingKeepsTheOldValueServing() throws IOException {
        Files.writeString(file, "exhaust");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);

        assertThat(reloader.inForce).isEqualTo("first");
        assertThat(log).singleElement().asString().contains("Java heap space", "the previous texts stay in force");
    }

    @Test
    void aSuccessfulReloadSaysWhatWasReloadedFromWhere() throws IOException {
        Files.writeString(file, "second");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(reloader.inForce).isEqualTo("second");
        assertThat(log).singleElement().asString().startsWith("texts reloaded from " + file + " in ");
    }

    @Test
    void aCheckingIntervalMustBePositive() {
        assertThatThrownBy(() -> reloader.pollEvery(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
