package org.lantern.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandTest {

    @TempDir
    Path dataDir;

    private final CliRun cli = new CliRun();

    /** Appends two entries through the server's own chain and returns the last. */
    private AuditEntry appendTwo() {
        try (ConfigurableApplicationContext context = CliRun.openDemoDatabase(dataDir)) {
            AuditChain chain = context.getBean(AuditChain.class);
            chain.append("alice", "test.first", "test", "1", "{}");
            return chain.append("bob", "test.second", "test", "2", "{}");
        }
    }

    @Test
    void verifyPrintsOkWithTheCountAndLatestDigest() {
        AuditEntry last = appendTwo();

        int code = cli.lantern("audit", "verify", "--data-dir", dataDir.toString());

        assertThat(code).isZero();
        assertThat(cli.out.toString()).contains("OK: " + last.sequence() + " entries, latest digest " + last.digest());
    }

    @Test
    void verifyNamesTheFirstTamperedEntryAndExitsOne() throws Exception {
        AuditEntry last = appendTwo();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("lantern")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "lantern", "")) {
            db.createStatement().executeUpdate("UPDATE audit_chain SET actor = 'mallory' WHERE sequence_number = "
                    + last.sequence());
        }

        int code = cli.lantern("audit", "verify", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err.toString()).contains("BROKEN at entry " + last.sequence() + ": digest mismatch")
                .doesNotContain("cannot open");
    }

    @Test
    void aDatabaseThatCannotBeOpenedExitsTwoInOneLineNotOneAsABrokenChainWould() throws Exception {
        CliRun.openDemoDatabase(dataDir).close();
        Files.write(dataDir.resolve("lantern.mv.db"), "not an H2 database, whatever its name says\n".repeat(200)
                .getBytes(StandardCharsets.US_ASCII));
        Files.deleteIfExists(dataDir.resolve("lantern.lock.db"));

        int code = cli.lantern("audit", "verify", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(CliException.CANNOT_RUN).isNotEqualTo(1);
        assertThat(cli.out.toString()).isEmpty();
        assertThat(cli.err.toString().lines().toList()).singleElement().asString()
                .startsWith("lantern audit verify: cannot open Lantern's database (data directory " + dataDir + "): ")
                .doesNotContain("BROKEN", "Exception", "\tat ");
    }

    @Test
    void headPrintsTheLatestSequenceAndDigest() {
        AuditEntry last = appendTwo();

        int code = cli.lantern("audit", "head", "--data-dir", dataDir.toString());

        assertThat(code).isZero();
        assertThat(cli.out.toString().strip()).isEqualTo(last.sequence() + " " + last.digest());
    }
}
