package org.lantern.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.lantern.server.identity.AccountException;
import org.lantern.server.identity.ApiTokenScope;
import org.lantern.server.identity.ApiTokenService;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * API tokens from the terminal. Works while the server runs: it opens the same database (the
 * embedded H2 file allows a second process; PostgreSQL from LANTERN_DB_URL) in a Spring context
 * without a web server, and asks identity's {@link ApiTokenService}.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class})
class TokenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lantern token create}: prints a new token once. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API token for a user and print it once (only a hash is stored).")
    static class Create implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--user", required = true, description = "The account whose permissions the token carries.")
        String user;

        @Option(names = "--name", description = "A label to recognise the token by, e.g. \"MIS sync\".")
        String name;

        @Option(names = "--expires-days", description = "Days until the token stops working (default: 90, or lantern.tokens.default-expiry); renew it on the API tokens page.")
        Integer expiresDays;

        @Option(names = "--scope", defaultValue = "full", paramLabel = "full|ingest",
                description = "What the token may do: full (everything the account may; the default) or ingest "
                        + "(only send the activity log in, for 'lantern activity import|ship' on a proxy or log server).")
        String scope;

        @CommandLine.Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ApiTokenScope tokenScope = ApiTokenScope.of(scope).orElseThrow(() -> new CliException(
                    "--scope must be full or ingest, not '" + scope + "'", CommandLine.ExitCode.USAGE));
            try (ConfigurableApplicationContext context = database.open()) {
                ApiTokenService.CreatedToken created = context.getBean(ApiTokenService.class)
                        .create(user, name, expiresDays, tokenScope, "cli:" + System.getProperty("user.name", "unknown"));
                out.println("API token for " + user + " (" + (tokenScope == ApiTokenScope.FULL ? ""
                        : tokenScope.id() + " only; ") + "shown only now; store it safely):");
                out.println(created.token());
                out.println("It expires at " + created.expiresAt() + " (UTC).");
                out.flush();
                return 0;
            } catch (AccountException e) {
                throw new CliException("cannot create the token: " + e.getMessage(), 1);
            }
        }
    }
}
