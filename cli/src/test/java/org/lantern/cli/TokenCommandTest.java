package org.lantern.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    private final CliRun cli = new CliRun();

    private void createAccount(String username) {
        createAccounts(Map.of(username, Role.DSL));
    }

    private void createAccounts(Map<String, Role> roles) {
        try (ConfigurableApplicationContext context = CliRun.openDemoDatabase(dataDir)) {
            roles.forEach((username, role) ->
                    context.getBean(AccountService.class).create(username, "Script Owner", role, "a password 1", "test"));
        }
    }

    @Test
    void createPrintsATokenWhoseHashIsStoredForTheUser() throws Exception {
        createAccount("script.owner");

        int code = cli.lantern("token", "create", "--user", "script.owner", "--name", "SIEM", "--expires-days", "30",
                "--data-dir", dataDir.toString());

        assertThat(code).isZero();
        String token = cli.out.toString().lines().filter(l -> l.startsWith("lan_")).findFirst().orElseThrow();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("lantern")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "lantern", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT name, token_hash, expires_at FROM api_token")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("name")).isEqualTo("SIEM");
            assertThat(rs.getString("token_hash")).isEqualTo(hash);
            assertThat(rs.getObject("expires_at")).isNotNull();
        }
    }

    @Test
    void unknownUserIsAnErrorAndPrintsNoToken() {
        createAccount("someone.else");

        int code = cli.lantern("token", "create", "--user", "nobody", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err.toString()).startsWith("lantern token create: cannot create the token: ")
                .contains("There is no account called nobody").hasLineCount(1);
        assertThat(cli.out.toString()).doesNotContain("lan_");
    }

    @Test
    void anIngestTokenIsForAnAccountThatMayIngestAndSaysSo() {
        createAccounts(Map.of("dsl.owner", Role.DSL, "network.manager", Role.ADMIN));
        CliRun dsl = new CliRun();

        int refused = dsl.lantern("token", "create", "--user", "dsl.owner", "--scope", "ingest",
                "--data-dir", dataDir.toString());
        int made = cli.lantern("token", "create", "--user", "network.manager", "--scope", "ingest",
                "--data-dir", dataDir.toString());

        assertThat(refused).isEqualTo(1);
        assertThat(dsl.err.toString()).contains("may not send the activity log in").hasLineCount(1);
        assertThat(dsl.out.toString()).doesNotContain("lan_");
        assertThat(made).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("API token for network.manager (ingest only; shown only now").contains("lan_");
    }
}
