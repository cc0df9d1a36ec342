package org.lantern.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lantern} command. Each subcommand is one thing a network manager or DSL does from a
 * terminal; {@code lantern --help} lists them. An error, whether in the arguments or in running the
 * command, is one line on stderr saying what to do ({@link #commandLine()}), never a stack trace.
 */
@Command(name = "lantern", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lantern: online safety for schools. The policy a school publishes is the policy its network enforces.",
        subcommands = {DemoCommand.class, ServeCommand.class, TokenCommand.class, AuditCommand.class, ActivityCommand.class, CheckCommand.class, ClassifyCommand.class,
                ListsCommand.class, IcapCommand.class, SquidHelperCommand.class, CaCommand.class, CommandLine.HelpCommand.class})
public class LanternCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || !ServerLauncher.isRunning()) {
            System.exit(code);
        }
    }

    /** The command line with its one-line error handling, as {@link #main} runs it. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LanternCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            String name = command.getCommandSpec().qualifiedName();
            command.getErr().println(name + ": " + e.getMessage().lines().findFirst().orElse("") + " (see '" + name
                    + " --help')");
            command.getErr().flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + oneLine(e));
            command.getErr().flush();
            return e instanceof CliException known ? known.exitCode() : CliException.CANNOT_RUN;
        });
        return cli;
    }

    /** A failure's message in one line: the command's own words, or else what the innermost cause said. */
    private static String oneLine(Throwable failure) {
        return failure instanceof CliException ? failure.getMessage() : "failed: " + CliException.rootMessage(failure);
    }
}
