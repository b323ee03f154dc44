package io.pciledger.cli;

import io.pciledger.schemas.topic.TopicMismatchException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pci-ledger topics}: create or check PCI Ledger's topics on an existing cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Create every PCI Ledger topic that is missing on a Kafka cluster, and check the ones that exist.",
                "Exit code 0 when all topics fit, 1 when an existing topic does not fit the contract, 2 on bad options."})
public final class TopicsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaClientOptions kafka;

    @Mixin
    private TopicOptions topics;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        try {
            TopicReportPrinter.print(TopicSetup.ensure(kafka.clientProperties(), topics), out);
            return 0;
        } catch (TopicMismatchException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
