package org.lantern.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import org.lantern.proxy.helper.SquidHelper;
import org.lantern.proxy.squidguard.SquidGuardConfException;
import org.lantern.proxy.squidguard.SquidGuardConfParser;
import org.lantern.proxy.squidguard.SquidGuardConfig;
import org.lantern.proxy.squidguard.SquidGuardPolicy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern squid-helper}: a drop-in for squidGuard. A school changes the
 * {@code url_rewrite_program} line of squid.conf to this command and keeps its squidGuard.conf
 * and lists. Squid owns stdout, so the real stdout is taken for protocol replies only and
 * {@code System.out} is pointed at stderr before anything else runs; Spring Boot is never
 * started.
 */
@Command(name = "squid-helper", mixinStandardHelpOptions = true,
        description = "Serve Squid as a url_rewrite_program or external_acl_type helper, enforcing an existing squidGuard.conf.")
class SquidHelperCommand implements Callable<Integer> {

    @Option(names = "--squidguard-conf", required = true, paramLabel = "FILE",
            description = "The squidGuard.conf to enforce (its dbhome, src, dest, time and acl).")
    Path squidGuardConf;

    @Option(names = "--protocol", defaultValue = "url-rewrite", paramLabel = "url-rewrite|external-acl",
            description = "The Squid helper protocol (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--concurrency", defaultValue = "1", paramLabel = "N",
            description = "Requests judged at once, as squid.conf's concurrency=N (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws Exception {
        OutputStream squid = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream err = System.err;
        System.setOut(err);
        SquidHelper.Protocol p = switch (protocol) {
            case "url-rewrite" -> SquidHelper.Protocol.URL_REWRITE;
            case "external-acl" -> SquidHelper.Protocol.EXTERNAL_ACL;
            default -> null;
        };
        if (p == null) {
            err.println("lantern squid-helper: --protocol must be url-rewrite or external-acl, not '" + protocol + "'");
            return 2;
        }
        if (concurrency < 1) {
            err.println("lantern squid-helper: --concurrency must be at least 1");
            return 2;
        }
        SquidGuardPolicy policy;
        try {
            SquidGuardConfig config = new SquidGuardConfParser().parse(squidGuardConf);
            err.println("lantern squid-helper: " + squidGuardConf + ": " + config.sources().size() + " sources, "
                    + config.dests().size() + " destinations, " + (config.acls().size() + 1) + " acls");
            policy = SquidGuardPolicy.load(config, line -> err.println("lantern squid-helper: " + line));
        } catch (SquidGuardConfException | IOException e) {
            err.println("lantern squid-helper: " + e.getMessage());
            return 1;
        }
        SquidHelper helper = new SquidHelper(policy, p, LocalDateTime::now, err::println);
        err.println("lantern squid-helper: serving " + protocol + " on stdin/stdout, concurrency " + concurrency);
        helper.serve(System.in, squid, concurrency);
        err.println("lantern squid-helper: end of input; " + helper);
        return 0;
    }
}
