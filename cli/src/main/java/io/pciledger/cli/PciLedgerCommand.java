package io.pciledger.cli;

import io.pciledger.agent.explain.ExplainCommand;
import io.pciledger.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pci-ledger} program: one subcommand per role. */
@Command(name = "pci-ledger", mixinStandardHelpOptions = true, version = "pci-ledger " + PciLedgerCommand.VERSION,
        description = "Event-sourced ledger of PCI passthrough and SR-IOV devices on Apache Kafka.",
        subcommands = {DevCommand.class, AgentCommand.class, LedgerCommand.class, ServeCommand.class, FleetCommand.class, ExplainCommand.class, TopicsCommand.class,
                ReplayCommand.class, VerifyCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class PciLedgerCommand {

    public static final String VERSION = "0.1.0-SNAPSHOT";

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: an unexpected failure prints one line and exits 1. */
    public static CommandLine commandLine() {
        final CommandLine commandLine = new CommandLine(new PciLedgerCommand())
                .setExecutionExceptionHandler((exception, failed, parseResult) -> {
                    failed.getErr().println("error: " + exception.getMessage());
                    return 1;
                });
        for (final String configuredLikeTheLedger : new String[] {"ledger", "replay", "verify"}) {
            commandLine.getSubcommands().get(configuredLikeTheLedger).getCommandSpec().usageMessage()
                    .footer(LedgerCommand.configurationKeysHelp());
        }
        return commandLine;
    }
}
