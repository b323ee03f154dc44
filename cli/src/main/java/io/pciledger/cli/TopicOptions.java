package io.pciledger.cli;

import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicSettings;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How PCI Ledger's topics are laid out: partitions, replication, name prefix. */
public final class TopicOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of every topic (default ${DEFAULT-VALUE}); bounds how many ledger instances share the hosts.",
            defaultValue = "6")
    private int partitions;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "Replication factor of every topic (default ${DEFAULT-VALUE}; use 3 on a production cluster).",
            defaultValue = "1")
    private int replicationFactor;

    @Option(names = "--min-insync-replicas", paramLabel = "N",
            description = "min.insync.replicas of every topic (default: 2 when the replication factor is 3 or more, else 1).")
    private Integer minInsyncReplicas;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prefix of every topic name, so several ledgers can share a cluster (default none).")
    private String prefix;

    /** @throws ParameterException (exit code 2) naming the option whose value is invalid */
    public TopicSettings settings() {
        final Properties properties = new Properties();
        properties.setProperty(TopicSettings.PARTITIONS, Integer.toString(partitions));
        properties.setProperty(TopicSettings.REPLICATION_FACTOR, Integer.toString(replicationFactor));
        if (minInsyncReplicas != null) {
            properties.setProperty(TopicSettings.MIN_INSYNC_REPLICAS, Integer.toString(minInsyncReplicas));
        }
        try {
            return TopicSettings.fromProperties(properties);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), optionNameFor(e.getMessage()));
        }
    }

    /** @throws ParameterException (exit code 2) when the prefix is not a legal topic name part */
    public TopicNames names() {
        try {
            return TopicNames.withPrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--topic-prefix: " + e.getMessage());
        }
    }

    private static String optionNameFor(final String message) {
        return message.replace(TopicSettings.PARTITIONS, "--partitions")
                .replace(TopicSettings.REPLICATION_FACTOR, "--replication-factor")
                .replace(TopicSettings.MIN_INSYNC_REPLICAS, "--min-insync-replicas");
    }
}
