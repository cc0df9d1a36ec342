package org.lantern.cli;

import java.util.ArrayList;
import java.util.List;

import org.lantern.server.LanternApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Lantern server in this process with the given settings. */
final class ServerLauncher {

    private static volatile ConfigurableApplicationContext running;

    private ServerLauncher() {
    }

    /** Whether a server started here is still up, so the JVM must not exit after the command returns. */
    static boolean isRunning() {
        return running != null && running.isActive();
    }

    /** Stops a server started here, as Ctrl-C would. */
    static void stop() {
        ConfigurableApplicationContext context = running;
        if (context != null) {
            context.close();
        }
    }

    /**
     * Starts the server; returns the process exit code. A failed start has been reported in the log
     * by Spring Boot's failure analysis; it ends with one line on stderr saying why, not a stack trace.
     */
    static int run(List<String> properties) {
        try {
            start(properties);
            return 0;
        } catch (RuntimeException failed) {
            System.err.println("lantern: Lantern did not start: " + CliException.rootMessage(failed)
                    + " (the report above says what to do)");
            return 1;
        }
    }

    static ConfigurableApplicationContext start(List<String> properties) {
        List<String> args = new ArrayList<>();
        for (String property : properties) {
            args.add("--" + property);
        }
        running = SpringApplication.run(LanternApplication.class, args.toArray(String[]::new));
        return running;
    }
}
