package org.lantern.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantern.server.LanternApplication;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lantern(String... args) {
        CommandLine command = new CommandLine(new LanternCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    private void createAccount(String username) {
        SpringApplication application = new SpringApplication(LanternApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--lantern.mode=demo",
                "--lantern.data-dir=" + dataDir, "--lantern.bootstrap.enabled=false")) {
            context.getBean(AccountService.class).create(username, "Script Owner", Role.DSL, "a password 1", "test");
        }
    }

    @Test
    void createPrintsATokenWhoseHashIsStoredForTheUser() throws Exception {
        createAccount("script.owner");

        int code = lantern("token", "create", "--user", "script.owner", "--name", "SIEM", "--expires-days", "30",
                "--demo", "--data-dir", dataDir.toString());

        assertThat(code).isZero();
        String token = out.toString().lines().filter(l -> l.startsWith("lan_")).findFirst().orElseThrow();
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

        int code = lantern("token", "create", "--user", "nobody", "--demo", "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("There is no account called nobody");
        assertThat(out.toString()).doesNotContain("lan_");
    }
}
