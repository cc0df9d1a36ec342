package org.lantern.cli;

import java.util.ArrayList;
import java.util.List;

import org.lantern.server.LanternApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * Where the database is, for commands that work on a running installation's data (tokens,
 * decisions, the audit chain). They start the server's beans without a web server, on the same
 * database: the embedded H2 file is shared with a running server (AUTO_SERVER), PostgreSQL comes
 * from LANTERN_DB_URL as for the server.
 */
class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "${env:LANTERN_DATA_DIR:-data}",
            description = "Where the embedded database and the two-factor key file live, as given to 'lantern demo' "
                    + "or 'lantern serve' (default: $$LANTERN_DATA_DIR, else ./data).")
    String dataDir;

    @Option(names = "--demo", description = "The server was started with 'lantern demo' (embedded database).")
    boolean demo;

    ConfigurableApplicationContext open() {
        // Secrets left in plain text by an earlier version are the server's to encrypt, with its key.
        List<String> args = new ArrayList<>(List.of("--lantern.data-dir=" + dataDir,
                "--lantern.bootstrap.enabled=false", "--lantern.secrets.encrypt-plain-at-start=false",
                "--logging.level.root=warn"));
        if (demo) {
            args.add("--lantern.mode=demo");
        }
        SpringApplication application = new SpringApplication(LanternApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args.toArray(String[]::new));
    }
}
