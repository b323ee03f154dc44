package io.pciledger.cli;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.run.LedgerRunner;
import io.pciledger.schemas.topic.TopicMismatchException;
import io.pciledger.schemas.topic.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pci-ledger ledger}: one instance of the ledger, headless, against an existing Kafka cluster. Reads its
 * configuration (file, then environment, then flags), makes sure the topics exist and fit, runs the ledger until
 * Ctrl-C or SIGTERM, then closes it leaving the consumer group and exits 0. Several instances with the same
 * {@code ledger.application.id} share the hosts' partitions.
 *
 * <pre>
 * bin/pci-ledger ledger --config /etc/pci-ledger/ledger.properties
 * bin/pci-ledger ledger --bootstrap-servers kafka-1:9092 -X ledger.state.dir=/var/lib/pci-ledger
 * </pre>
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = {"Run one instance of the ledger (the exactly-once Kafka Streams processor) against a Kafka cluster.",
                "Configuration: --kafka-config FILE (client properties, as streams.*), then --config FILE, then PCI_LEDGER_*",
                "environment variables, then --bootstrap-servers and -X.",
                "Creates missing topics first. Ctrl-C or SIGTERM closes it, leaving its consumer group, and exits 0.",
                "Exit code 2 on a bad configuration, 1 when the topics do not fit or the ledger fails."})
public final class LedgerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LayeredConfigOptions sources;

    @Option(names = "--close-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long closing may take: commit, leave the group, close the stores (default ${DEFAULT-VALUE}).")
    private Duration closeTimeout;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final LedgerConfig config = LedgerConfigSources.load(sources, System.getenv(), spec.commandLine());

        final CountDownLatch stop = new CountDownLatch(1);
        ShutdownSignal.onInterruptOrTerminate(stop::countDown);
        try {
            TopicReportPrinter.print(
                    TopicSetup.ensure(config.adminClientProperties(), config.topicNames(), config.topicSettings()), out);
        } catch (TopicMismatchException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }

        final LedgerRunner ledger = new LedgerRunner(config);
        ledger.addStateListener(announceFirstRun(config, out));
        ledger.whenFailed().thenRun(stop::countDown);
        ledger.start();
        stop.await();

        out.println("stopping the ledger ...");
        out.flush();
        final boolean closed = ledger.close(closeTimeout);
        if (ledger.failure().isPresent()) {
            err.println("error: the ledger failed: " + ledger.failure().get().getMessage());
            return 1;
        }
        if (!closed) {
            err.println("error: the ledger did not close within " + closeTimeout);
            return 1;
        }
        out.println("ledger stopped; it left its consumer group.");
        return 0;
    }

    private static KafkaStreams.StateListener announceFirstRun(final LedgerConfig config, final PrintWriter out) {
        final AtomicBoolean announced = new AtomicBoolean();
        return (newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING && announced.compareAndSet(false, true)) {
                out.printf("PCI Ledger ledger is running: application id %s, writing %s, state in %s.%n",
                        config.getString(LedgerConfig.APPLICATION_ID), config.topicNames().of(Topics.LEDGER),
                        config.getString(LedgerConfig.STATE_DIR));
                out.println("Stop with Ctrl-C (or SIGTERM): it closes, leaving its consumer group.");
                out.flush();
            }
        };
    }

    /** The configuration keys with their defaults, for {@code --help}. */
    static String configurationKeysHelp() {
        final StringBuilder help = new StringBuilder("%nConfiguration keys, with their defaults:%n");
        LedgerConfig.DEFINITION.configKeys().values().forEach(key -> help.append("  ").append(key.name)
                .append(key.hasDefault() ? "=" + printable(key) : "   (required)").append("%n"));
        help.append("  topics.*    how topics are created: partitions, replication.factor,%n");
        help.append("              min.insync.replicas, retention.ms%n");
        help.append("  streams.*   any Kafka Streams key, passed on without the prefix%n");
        help.append("Environment: PCI_LEDGER_ and the key without 'ledger.', upper-case, dots as%n");
        help.append("underscores, e.g. PCI_LEDGER_STATE_DIR, PCI_LEDGER_TOPICS_PARTITIONS.%n");
        help.append("Each key is explained in docs/ledger.properties.example.%n");
        return help.toString();
    }

    private static String printable(final ConfigDef.ConfigKey key) {
        final String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text == null ? "" : text;
    }
}
