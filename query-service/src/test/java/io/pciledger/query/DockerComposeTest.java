package io.pciledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.schemas.topic.TopicSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker/compose.yaml} deploys what {@link ClusterFaultScenario} tests, which no Docker engine here can try:
 * it parses (YAML merge keys resolved, as Docker Compose does), runs 3 combined KRaft nodes of the Kafka version the
 * build uses, every topic with 3 replicas and at least 2 in sync, 2 ledger instances configured by
 * {@code docker/ledger.properties} (the file the fault test runs its instances with) and 3 agents of distinct hosts.
 */
class DockerComposeTest {

    private static final Path DOCKER = Path.of("..", "docker");
    private static final String TOPIC_PARTITIONS = "--partitions";
    private static final String TOPIC_REPLICATION = "--replication-factor";
    private static final String TOPIC_MIN_IN_SYNC = "--min-insync-replicas";

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve("compose.yaml"))) {
            final Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void threeCombinedKraftNodesOfTheBuildsKafkaVersionReplicateEverythingThreeTimes() throws IOException {
        final Map<String, Map<String, Object>> brokers = servicesWithImagePrefix("apache/kafka:");
        assertThat(brokers).as("Kafka services").hasSize(3);
        final Set<String> nodeIds = new HashSet<>();
        final Set<String> clusterIds = new HashSet<>();
        final List<String> voters = new ArrayList<>();
        brokers.forEach((name, broker) -> {
            assertThat(broker.get("image")).as("image of %s", name).isEqualTo("apache/kafka:" + kafkaVersion());
            final Map<String, String> env = environment(broker);
            assertThat(env).as("settings of %s", name)
                    .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as("listeners %s advertises", name)
                    .contains("PLAINTEXT://" + broker.get("hostname") + ":9092");
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            clusterIds.add(env.get("CLUSTER_ID"));
            voters.add(env.get("KAFKA_NODE_ID") + "@" + broker.get("hostname") + ":9093");
        });
        assertThat(nodeIds).as("node ids").hasSize(3);
        assertThat(clusterIds).as("cluster ids").hasSize(1);
        brokers.values().forEach(broker -> assertThat(environment(broker).get("KAFKA_CONTROLLER_QUORUM_VOTERS")
                .split(",")).as("the quorum").containsExactlyInAnyOrderElementsOf(voters));
    }

    @Test
    void theTopicsAreCreatedOnceTheBrokersAreUpAsTheLedgerConfigurationDescribesThem() throws IOException {
        final Map<String, Object> topics = services.get("topics");
        final List<String> command = command(topics);
        final TopicSettings deployed = new LedgerConfig(ClusterFaultScenario.deployedConfiguration()).topicSettings();

        assertThat(command).first().isEqualTo("topics");
        assertThat(option(command, TOPIC_PARTITIONS)).isEqualTo(Integer.toString(deployed.partitions()));
        assertThat(option(command, TOPIC_REPLICATION)).isEqualTo("3")
                .isEqualTo(Short.toString(deployed.replicationFactor()));
        assertThat(option(command, TOPIC_MIN_IN_SYNC)).isEqualTo("2")
                .isEqualTo(Integer.toString(deployed.minInsyncReplicas()));
        assertThat(((Map<?, ?>) topics.get("depends_on")).keySet().stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrderElementsOf(servicesWithImagePrefix("apache/kafka:").keySet());
        assertThat(bootstrapServers(topics)).containsExactlyInAnyOrderElementsOf(brokerAddresses());
    }

    @Test
    void twoLedgerInstancesRunTheTestedConfigurationWithAStandbyEach() throws IOException {
        final Map<String, Map<String, Object>> ledgers = servicesRunning(List.of());
        assertThat(ledgers).as("ledger services (image pci-ledger/ledger, default command: serve)").hasSize(2);
        final Map<String, Object> deployed = ClusterFaultScenario.deployedConfiguration();
        final Set<String> advertised = new HashSet<>();
        ledgers.forEach((name, ledger) -> {
            assertThat(strings(ledger.get("volumes"))).as("files mounted into %s", name)
                    .contains("./ledger.properties:/etc/pci-ledger/ledger.properties:ro",
                            "./tokens.json:" + deployed.get(QueryServiceConfig.TOKENS_FILE) + ":ro");
            final Map<String, String> env = environment(ledger);
            assertThat(env.get(LedgerConfig.environmentVariable(QueryServiceConfig.ADVERTISED_HOST)))
                    .as("the address other instances reach %s by", name).isEqualTo(ledger.get("hostname"));
            advertised.add(env.get(LedgerConfig.environmentVariable(QueryServiceConfig.ADVERTISED_HOST)));
            assertThat(bootstrapServers(ledger)).containsExactlyInAnyOrderElementsOf(brokerAddresses());

            final Map<String, Object> settings = new HashMap<>(deployed);
            settings.putAll(LedgerConfig.environmentOverrides(env));
            settings.putAll(QueryServiceConfig.environmentOverrides(env));
            final QueryServiceConfig config = new QueryServiceConfig(settings);
            assertThat(config.unknownKeys()).isEmpty();
            assertThat(config.ledger(config.httpPort()).unknownKeys()).isEmpty();
        });
        assertThat(advertised).hasSize(2);
        assertThat(deployed).containsEntry(LedgerConfig.STREAMS_PREFIX + "num.standby.replicas", "1");
    }

    @Test
    void threeAgentsSimulateThreeDistinctHosts() {
        final Map<String, Map<String, Object>> agents = servicesRunning(List.of("--host"));
        assertThat(agents).as("agent services").hasSize(3);
        final Set<String> hosts = new HashSet<>();
        agents.forEach((name, agent) -> {
            final List<String> command = command(agent);
            hosts.add(option(command, "--host"));
            assertThat(option(command, "--simulated-hardware")).as("hardware of %s", name).isNotBlank();
            assertThat(bootstrapServers(agent)).containsExactlyInAnyOrderElementsOf(brokerAddresses());
        });
        assertThat(hosts).hasSize(3);
    }

    @Test
    void theImagesKeepTheLayoutBinPciLedgerExpects() throws IOException {
        final String launcher = Files.readString(Path.of("..", "bin", "pci-ledger"));
        final String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));

        assertThat(launcher).contains("lib=\"$root/cli/target/lib\"");
        assertThat(dockerfile).contains("COPY cli/target/lib/ /opt/pci-ledger/cli/target/lib/")
                .contains("COPY bin/pci-ledger /opt/pci-ledger/bin/pci-ledger")
                .contains("CMD [\"serve\", \"--config\", \"/etc/pci-ledger/ledger.properties\"]")
                .contains("FROM base AS ledger").contains("FROM base AS agent");
    }

    private static Map<String, Map<String, Object>> servicesWithImagePrefix(final String prefix) {
        final Map<String, Map<String, Object>> found = new TreeMap<>();
        services.forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith(prefix)) {
                found.put(name, service);
            }
        });
        return found;
    }

    /** The services of our images whose command starts with {@code start} (an empty one: the image's default). */
    private static Map<String, Map<String, Object>> servicesRunning(final List<String> start) {
        final Map<String, Map<String, Object>> found = new TreeMap<>();
        services.forEach((name, service) -> {
            final List<String> command = command(service);
            if (String.valueOf(service.get("image")).startsWith("pci-ledger/")
                    && (start.isEmpty() ? command.isEmpty() : command.size() >= start.size()
                    && command.subList(0, start.size()).equals(start))) {
                found.put(name, service);
            }
        });
        return found;
    }

    private static List<String> command(final Map<String, Object> service) {
        return strings(service.get("command"));
    }

    /** A YAML list as strings; nothing as an empty list. */
    private static List<String> strings(final Object list) {
        return list == null ? List.of() : ((List<?>) list).stream().map(String::valueOf).collect(Collectors.toList());
    }

    private static String option(final List<String> command, final String name) {
        final int at = command.indexOf(name);
        assertThat(at).as("option %s in %s", name, command).isNotNegative();
        return command.get(at + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(final Map<String, Object> service) {
        final Map<String, String> env = new TreeMap<>();
        ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
                .forEach((key, value) -> env.put(key, String.valueOf(value)));
        return env;
    }

    private static List<String> bootstrapServers(final Map<String, Object> service) {
        return List.of(environment(service).getOrDefault(LedgerConfig.environmentVariable(
                LedgerConfig.BOOTSTRAP_SERVERS), "").split(","));
    }

    /** Every broker's address on the containers' network. */
    private static List<String> brokerAddresses() {
        return servicesWithImagePrefix("apache/kafka:").values().stream()
                .map(broker -> broker.get("hostname") + ":9092").toList();
    }

    private static String kafkaVersion() {
        try {
            final Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                    .matcher(Files.readString(Path.of("..", "pom.xml")));
            assertThat(version.find()).as("kafka.version in the root pom").isTrue();
            return version.group(1);
        } catch (final IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
