package org.lantern.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.server.filtering.DecisionView;
import org.lantern.server.filtering.FilterService;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern check URL}: what the school's filter would do with a URL, and why, in plain
 * English or JSON. Opens the same database as the server (without a web server), so the answer
 * uses the policy, lists, people and unblocks in force. Exit code 0 allowed, 1 blocked, 2 error.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Explain what the filter would do with a URL (exit code 0 allowed, 1 blocked, 2 error).")
class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The address, as a browser would request it.")
    String url;

    @Option(names = "--user", description = "Proxy user name of the person browsing.")
    String user;

    @Option(names = "--ip", description = "Client IP address of the device browsing.")
    String ip;

    @Option(names = "--at", description = "When, as an ISO-8601 instant such as 2025-03-04T10:15:00Z (default: now).")
    String at;

    @Option(names = "--json", description = "Print the decision as JSON.")
    boolean json;

    @CommandLine.Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Instant when = at == null ? Instant.now() : Instant.parse(at.strip());
            DecisionRequest request = DecisionRequest.of(url, "GET", user, ip, when);
            try (ConfigurableApplicationContext context = database.open()) {
                FilterService filter = context.getBean(FilterService.class);
                filter.listsLoaded().join();
                DecisionView view = DecisionView.of(filter.decide(request));
                if (json) {
                    out.println(context.getBean(ObjectMapper.class).writeValueAsString(view));
                } else {
                    view.explanation().forEach(out::println);
                }
                out.flush();
                return view.allowed() ? 0 : 1;
            }
        } catch (CliException e) {
            throw e;
        } catch (DateTimeParseException e) {
            return error(err, "--at: \"" + at + "\" is not an ISO-8601 instant such as 2025-03-04T10:15:00Z");
        } catch (MalformedUrlException e) {
            return error(err, "The address cannot be read (" + e.reason() + "): " + e.getMessage());
        } catch (Exception e) {
            return error(err, "Cannot check the address: " + e.getMessage());
        }
    }

    private static int error(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 2;
    }
}
