package org.lantern.proxy.squidguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.proxy.reload.FileSetReloader.Outcome;

/** A running squid helper's policy follows squidGuard.conf and its lists without a restart. */
class SquidGuardPolicyReloaderTest {

    private static final LocalDateTime MONDAY_10AM = LocalDateTime.of(2025, 1, 6, 10, 0);

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Path conf;
    private SquidGuardPolicyReloader reloader;

    @BeforeEach
    void confBlockingOneDomainExceptForStaff() throws Exception {
        Files.createDirectories(dir.resolve("db/bad"));
        Files.createDirectories(dir.resolve("db/games"));
        Files.writeString(dir.resolve("db/bad/domains"), "bad.example\n");
        Files.writeString(dir.resolve("db/games/domains"), "games.example\n");
        Files.writeString(dir.resolve("db/staff-users"), "alice\n");
        conf = dir.resolve("squidGuard.conf");
        writeConf("", "!bad");
        reloader = SquidGuardPolicyReloader.load(conf, log::add);
    }

    @AfterEach
    void stop() {
        reloader.close();
    }

    @Test
    void unchangedFilesAreNotReadAgain() {
        SquidGuardPolicy inForce = reloader.get();

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.UNCHANGED);

        assertThat(reloader.get()).isSameAs(inForce);
    }

    @Test
    void domainAddedToABlockedDestinationIsBlockedAfterTheNextCheck() {
        assertThat(blocked("http://worse.example/", "bob")).isFalse();
        append("db/bad/domains", "worse.example");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(blocked("http://worse.example/", "bob")).isTrue();
        assertThat(blocked("http://bad.example/", "bob")).isTrue();
    }

    @Test
    void destinationAndAclAddedToSquidGuardConfTakeEffect() throws IOException {
        writeConf("dest games {\n domainlist games/domains\n}\n", "!bad !games");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(blocked("http://games.example/", "bob")).isTrue();
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith(
                "squidGuard rules and lists reloaded from " + conf + " in "));
    }

    @Test
    void listNamedOnlyByTheNewSquidGuardConfIsWatchedFromThenOn() throws IOException {
        writeConf("dest games {\n domainlist games/domains\n}\n", "!bad !games");
        reloader.reloadIfChanged();
        append("db/games/domains", "chess.example");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(blocked("http://chess.example/", "bob")).isTrue();
    }

    @Test
    void userAddedToASourcesUserlistIsJudgedAsThatSourceAfterTheNextCheck() {
        assertThat(blocked("http://bad.example/", "carol")).isTrue();
        append("db/staff-users", "carol");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(blocked("http://bad.example/", "carol")).isFalse();
    }

    @Test
    void squidGuardConfThatNoLongerParsesKeepsTheOldPolicyServingAndSaysWhyOnce() throws IOException {
        SquidGuardPolicy inForce = reloader.get();
        Files.writeString(conf, "dbhome " + dir.resolve("db") + "\nfrobnicate everything\n");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);
        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);

        assertThat(reloader.get()).isSameAs(inForce);
        assertThat(blocked("http://bad.example/", "bob")).isTrue();
        assertThat(log.stream().filter(line -> line.contains("could not be reloaded"))).singleElement().asString()
                .contains(conf + ":2:1:", "frobnicate", "the previous squidGuard rules and lists stay in force");
    }

    @Test
    void deletedListFileFailsTheReloadAndKeepsTheOldPolicyServing() throws IOException {
        SquidGuardPolicy inForce = reloader.get();
        Files.delete(dir.resolve("db/bad/domains"));

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);

        assertThat(reloader.get()).isSameAs(inForce);
        assertThat(log).last().asString().contains("could not be reloaded", "cannot read domains list");
    }

    @Test
    void deletedSquidGuardConfFailsTheReloadAndSaysItCannotBeRead() throws IOException {
        SquidGuardPolicy inForce = reloader.get();
        Files.delete(conf);

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);

        assertThat(reloader.get()).isSameAs(inForce);
        assertThat(log).last().asString().contains("could not be reloaded (cannot read " + conf + ")");
    }

    @Test
    void badLinesInAnUpdatedListAreSkippedAndCountedWhileTheGoodOnesLoad() {
        append("db/bad/domains", "worse.example\nnot a host name\u0001");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(log).anySatisfy(line -> assertThat(line).contains("dest bad: domains", "2 entries", "1 lines skipped"));
        assertThat(blocked("http://worse.example/", "bob")).isTrue();
    }

    @Test
    void listChangedWhileBeingReadIsNotSwappedInButReadAgainAtTheNextCheck() throws Exception {
        AtomicBoolean editWhileReading = new AtomicBoolean();
        SquidGuardPolicyReloader midEdit = SquidGuardPolicyReloader.load(conf, line -> {
            if (line.startsWith("dest bad: domains") && editWhileReading.getAndSet(false)) {
                append("db/bad/domains", "roulette.example");
            }
        });
        SquidGuardPolicy inForce = midEdit.get();
        append("db/bad/domains", "worse.example");
        editWhileReading.set(true);

        assertThat(midEdit.reloadIfChanged()).isEqualTo(Outcome.CHANGED_WHILE_READING);
        assertThat(midEdit.get()).isSameAs(inForce);

        assertThat(midEdit.reloadIfChanged()).isEqualTo(Outcome.RELOADED);
        assertThat(midEdit.get().evaluate(request("http://roulette.example/", "bob")).blocked()).isTrue();
    }

    @Test
    void logdirChangedInAReloadedSquidGuardConfIsReportedAsNeedingARestart() throws IOException {
        Files.writeString(conf, "logdir " + dir.resolve("new-logs") + "\n" + Files.readString(conf));

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(log).anySatisfy(line -> assertThat(line).contains("now names logdir " + dir.resolve("new-logs"))
                .contains("instead of (none)").endsWith("until the helper restarts"));
    }

    @Test
    void reloadThatKeepsTheLogdirSaysNothingAboutIt() {
        append("db/bad/domains", "worse.example");

        assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);

        assertThat(log).noneSatisfy(line -> assertThat(line).contains("logdir"));
    }

    /** Staff (users in the userlist) may go anywhere; everyone else is refused {@code pass}'s destinations. */
    private void writeConf(String extraDests, String refused) throws IOException {
        Files.writeString(conf, """
                dbhome %s
                src staff {
                  userlist staff-users
                }
                dest bad {
                  domainlist bad/domains
                }
                %sacl {
                  staff {
                    pass all
                  }
                  default {
                    pass %s all
                    redirect http://blocked.example/?u=%%u
                  }
                }
                """.formatted(dir.resolve("db"), extraDests, refused));
    }

    private boolean blocked(String url, String user) {
        return reloader.get().evaluate(request(url, user)).blocked();
    }

    private static SquidGuardRequest request(String url, String user) {
        return new SquidGuardRequest(url, "10.9.0.1", "-", user, "GET", MONDAY_10AM);
    }

    private void append(String file, String lines) {
        try {
            Files.writeString(dir.resolve(file), lines + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
