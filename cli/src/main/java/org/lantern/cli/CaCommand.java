package org.lantern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.lantern.proxy.tls.SchoolCa;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The school's certificate authority for TLS inspection: without it Squid sees only {@code
 * CONNECT host:443} for HTTPS, so Lantern never sees the pages or the searches. See the
 * documentation's TLS inspection section for Squid's lines and installing the CA on devices.
 */
@Command(name = "ca", mixinStandardHelpOptions = true,
        description = "Manage the school's certificate authority for TLS inspection (Squid ssl_bump).",
        subcommands = {CaCommand.Create.class})
class CaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lantern ca create}: a new CA key and certificate, never over an existing one. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a new CA: " + SchoolCa.CERTIFICATE_FILE + " (install on every school device) and "
                    + SchoolCa.KEY_FILE + " (owner-only; for Squid alone).")
    static class Create implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", required = true, description = "Directory to write the two files to, e.g. /etc/squid/lantern-ca (made owner-only if missing).")
        Path dir;

        @Option(names = "--name", defaultValue = "Lantern TLS inspection CA",
                description = "The name devices show as the issuer of inspected sites (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--days", defaultValue = "3650",
                description = "Days the CA is valid for (default: ${DEFAULT-VALUE}); devices need the new one installed before it ends.")
        int days;

        @Override
        public Integer call() {
            if (days < 1) {
                throw new CliException("--days must be at least 1");
            }
            if (name.isBlank()) {
                throw new CliException("--name must not be empty");
            }
            SchoolCa ca = SchoolCa.create(name, Duration.ofDays(days), Instant.now());
            Path certificate;
            try {
                certificate = ca.writeTo(dir);
            } catch (FileAlreadyExistsException e) {
                throw new CliException(e.getFile() + " already exists: a new CA would have to be installed on every "
                        + "device again; move the old files away first if that is what you want");
            } catch (IOException e) {
                throw new CliException("cannot write the CA to " + dir + ": " + CliException.rootMessage(e));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("CA \"" + name + "\" valid until " + ca.certificate().getNotAfter().toInstant() + " (UTC).");
            out.println("Install on every school device: " + certificate);
            out.println("Give to Squid only (tls-key=): " + dir.resolve(SchoolCa.KEY_FILE));
            out.flush();
            return 0;
        }
    }
}
