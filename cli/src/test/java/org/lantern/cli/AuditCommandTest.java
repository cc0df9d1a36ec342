package org.lantern.cli;

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
        assertThat(cli.err.toString()).contains("BROKEN at entry " + last.sequence() + ": digest mismatch");
    }

    @Test
    void headPrintsTheLatestSequenceAndDigest() {
        AuditEntry last = appendTwo();

        int code = cli.lantern("audit", "head", "--data-dir", dataDir.toString());

        assertThat(code).isZero();
        assertThat(cli.out.toString().strip()).isEqualTo(last.sequence() + " " + last.digest());
    }
}
