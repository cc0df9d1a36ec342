package org.lantern.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.Verification;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The tamper-evident audit chain from the terminal: check it end to end, or print the latest
 * digest to keep somewhere the database cannot reach (a printout, another server), so that even
 * a rewrite of the whole chain is caught. Opens the database like {@code lantern token}, in a
 * Spring context without a web server, so it works while the server runs.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the tamper-evident audit chain.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class})
class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lantern audit verify}: exit 0 and OK, or exit 1 naming the first broken entry. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the whole audit chain; print OK with the count and latest digest, or the first broken entry.")
    static class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = database.open()) {
                Verification result = context.getBean(AuditChain.class).verify();
                if (result.intact()) {
                    PrintWriter out = spec.commandLine().getOut();
                    out.println("OK: " + result.count() + " entries, latest digest " + result.latestDigest());
                    out.flush();
                    return 0;
                }
                PrintWriter err = spec.commandLine().getErr();
                err.println("BROKEN at entry " + result.brokenAt().orElseThrow() + ": " + result.problem().orElseThrow());
                err.println(result.count() + " entries before it are intact.");
                err.flush();
                return 1;
            }
        }
    }

    /** {@code lantern audit head}: the latest digest, to be kept outside the database. */
    @Command(name = "head", mixinStandardHelpOptions = true,
            description = "Print the latest entry's sequence number and digest, to keep outside the database.")
    static class Head implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = database.open()) {
                AuditChain.Head head = context.getBean(AuditChain.class).head();
                PrintWriter out = spec.commandLine().getOut();
                out.println(head.sequence() + " " + head.digest());
                out.flush();
                return 0;
            }
        }
    }
}
