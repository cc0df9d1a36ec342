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
 * from LANTERN_DB_URL as for the server. A directory {@code lantern demo} made says so itself
 * ({@link DataDirectory#isDemo()}), so no {@code --demo} is needed for it. Spring's logging is off,
 * and a failure to open is one {@link CliException} line, so a command prints only its answer or
 * what to do.
 */
class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = DataDirectory.DEFAULT,
            description = "Where the embedded database and the two-factor key file live, as given to 'lantern demo' "
                    + "or 'lantern serve' (default: $$LANTERN_DATA_DIR, else ./data).")
    String dataDir;

    @Option(names = "--demo", description = "The data directory is a demo's (found by itself for a directory "
            + "'lantern demo' made).")
    boolean demo;

    /** Opens the installation's database, refusing an empty demo directory rather than making a new database. */
    ConfigurableApplicationContext open() {
        DataDirectory directory = DataDirectory.of(dataDir);
        boolean isDemo = demo || directory.isDemo();
        if (isDemo && !directory.holdsDatabase()) {
            throw new CliException("there is no Lantern database in " + directory.path()
                    + ": start the demo with './lantern demo' (its data goes in ./data), or give --data-dir DIR");
        }
        // Checked here rather than left to the server's own refusal, which Spring reports on stdout before
        // its logging is set up.
        if (!isDemo && System.getenv("LANTERN_DB_URL") == null && System.getProperty("spring.datasource.url") == null) {
            throw new CliException("found no demo in " + directory.path() + " and LANTERN_DB_URL is not set: run this in "
                    + "the directory './lantern demo' ran in, give --data-dir DIR, or set LANTERN_DB_URL to the "
                    + "school's PostgreSQL");
        }
        return boot(directory, isDemo);
    }

    /** Opens (or makes) the database in {@code directory}, without the checks of {@link #open()}. */
    static ConfigurableApplicationContext boot(DataDirectory directory, boolean isDemo) {
        // Secrets left in plain text by an earlier version are the server's to encrypt, with its key.
        List<String> args = new ArrayList<>(List.of("--lantern.data-dir=" + directory.path(),
                "--lantern.bootstrap.enabled=false", "--lantern.secrets.encrypt-plain-at-start=false",
                "--logging.level.root=off", "--spring.main.log-startup-info=false"));
        if (isDemo) {
            args.add("--lantern.mode=demo");
            if (System.getenv("LANTERN_FILTER_LISTS") == null) {
                directory.demoLists().ifPresent(lists -> args.add("--lantern.filter.lists=" + lists));
            }
        }
        SpringApplication application = new SpringApplication(LanternApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try {
            return application.run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new CliException(whyNotOpened(e, directory));
        }
    }

    private static String whyNotOpened(Throwable failure, DataDirectory directory) {
        return "cannot open Lantern's database (data directory " + directory.path() + "): "
                + CliException.rootMessage(failure);
    }
}
