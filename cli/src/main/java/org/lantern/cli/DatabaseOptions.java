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
    @Option(names = "--data-dir", defaultValue = "data",
            description = "Where the embedded database lives, as given to 'lantern demo' (default: ${DEFAULT-VALUE}).")
    String dataDir;

    @Option(names = "--demo", description = "The server was started with 'lantern demo' (embedded database).")
    boolean demo;

    ConfigurableApplicationContext open() {
        List<String> args = new ArrayList<>(List.of("--lantern.data-dir=" + dataDir,
                "--lantern.bootstrap.enabled=false", "--logging.level.root=warn"));
        if (demo) {
            args.add("--lantern.mode=demo");
        }
        SpringApplication application = new SpringApplication(LanternApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args.toArray(String[]::new));
    }
}
