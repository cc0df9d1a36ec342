package org.lantern.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lantern} command. Each subcommand is one thing a network manager or DSL does from a
 * terminal; {@code lantern --help} lists them.
 */
@Command(name = "lantern", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lantern: online safety for schools. The policy a school publishes is the policy its network enforces.",
        subcommands = {DemoCommand.class, ServeCommand.class, TokenCommand.class, AuditCommand.class, CheckCommand.class, IcapCommand.class,
                SquidHelperCommand.class, CommandLine.HelpCommand.class})
public class LanternCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new LanternCommand()).execute(args);
        if (code != 0 || !ServerLauncher.isRunning()) {
            System.exit(code);
        }
    }
}
