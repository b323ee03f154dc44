package io.pciledger.query.config;

import io.pciledger.ledger.config.LedgerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The query service's own keys ({@code query.*}), declared once with type, default and documentation. The service
 * embeds the ledger, so one file holds both: the {@link LedgerConfig} keys ({@code bootstrap.servers},
 * {@code ledger.*}, {@code streams.*}) and these.
 *
 * <pre>
 * bootstrap.servers=broker-1:9092
 * query.http.port=8080
 * query.advertised.host=ledger-1.example.net
 * query.auth.tokens.file=/etc/pci-ledger/tokens.json
 * </pre>
 */
public final class QueryServiceConfig extends AbstractConfig {

    public static final String HTTP_HOST = "query.http.host";
    public static final String HTTP_PORT = "query.http.port";
    public static final String HTTP_THREADS = "query.http.threads";
    public static final String ADVERTISED_HOST = "query.advertised.host";
    public static final String TOKENS_FILE = "query.auth.tokens.file";
    public static final String CLAIM_TIMEOUT_MS = "query.claims.timeout.ms";
    public static final String PLACEMENT_ATTEMPTS = "query.claims.placement.attempts";
    public static final String READ_WAIT_MS = "query.reads.wait.ms";
    public static final String CANDIDATES_LIMIT = "query.candidates.limit";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(HTTP_HOST, Type.STRING, "127.0.0.1", Importance.HIGH,
                    "The address the HTTP API listens on (0.0.0.0 for every interface).")
            .define(HTTP_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.HIGH,
                    "The HTTP API's port (0: any free port).")
            .define(HTTP_THREADS, Type.INT, 8, Range.between(4, 1_000), Importance.LOW,
                    "The HTTP server's threads (Jetty's pool, its selector and acceptor included). They only "
                            + "compute answers from what the instance holds; requests that wait (claims, forwarded "
                            + "reads, rebalances, ?after=) wait on threads of their own. More threads than the "
                            + "cores can run only lengthen the tail of every answer.")
            .define(ADVERTISED_HOST, Type.STRING, "", Importance.HIGH,
                    "The host name other instances reach this one by (Kafka Streams' application.server); "
                            + "empty: query.http.host.")
            .define(TOKENS_FILE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The JSON file of bearer tokens (SHA-256 of each token, its tenant and role).")
            .define(CLAIM_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.MEDIUM,
                    "How long a claim, confirm or release waits for its committed result before answering 504 "
                            + "(retry with the same claim_id).")
            .define(PLACEMENT_ATTEMPTS, Type.INT, 3, Range.between(1, 100), Importance.MEDIUM,
                    "How many candidate hosts a claim without a host is tried on from the host pools as this instance "
                            + "holds them; if none accepts, as many more from the pools read up to now.")
            .define(READ_WAIT_MS, Type.LONG, 5_000L, Range.atLeast(0), Importance.LOW,
                    "How long a read waits for a store during a rebalance, or for ?after= to be reached; also how long"
                            + " a claim without a host waits for the instance holding its claim id to be known and"
                            + " reachable.")
            .define(CANDIDATES_LIMIT, Type.INT, 20, Range.between(1, 10_000), Importance.LOW,
                    "The most candidates GET /v1/candidates returns unless ?limit= says otherwise.");

    private final Map<String, ?> values;

    /**
     * @throws ConfigException naming the key, when a value is missing or invalid
     */
    public QueryServiceConfig(final Map<String, ?> values) {
        super(DEFINITION, values, false);
        this.values = Map.copyOf(values);
        ledger(httpPort());
    }

    /**
     * The embedded ledger's configuration, with {@code application.server} naming this instance's API at
     * {@code boundPort} (the port the HTTP server got, which {@value #HTTP_PORT} 0 leaves open until it starts).
     */
    public LedgerConfig ledger(final int boundPort) {
        final Map<String, Object> ledgerValues = new HashMap<>(values);
        ledgerValues.keySet().removeIf(key -> key.startsWith("query."));
        ledgerValues.put(LedgerConfig.STREAMS_PREFIX + "application.server", advertisedHost() + ":" + boundPort);
        return new LedgerConfig(ledgerValues);
    }

    /**
     * The properties of the service's own Kafka clients (command producer, result and table consumers): the
     * brokers, and the connection settings (security, SASL, SSL) given to the ledger as {@code streams.*}.
     */
    public Map<String, Object> clientProperties() {
        final Map<String, Object> client = new HashMap<>();
        client.put(LedgerConfig.BOOTSTRAP_SERVERS, values.get(LedgerConfig.BOOTSTRAP_SERVERS));
        values.forEach((key, value) -> {
            final String name = key.startsWith(LedgerConfig.STREAMS_PREFIX)
                    ? key.substring(LedgerConfig.STREAMS_PREFIX.length()) : "";
            if (name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl.")
                    || name.equals("client.dns.lookup")) {
                client.put(name, value);
            }
        });
        return client;
    }

    /**
     * The {@code query.*} keys set in {@code environment}: {@code PCI_LEDGER_} and the key upper-case, dots as
     * underscores, e.g. {@code PCI_LEDGER_QUERY_HTTP_PORT} for {@value #HTTP_PORT}.
     */
    public static Map<String, String> environmentOverrides(final Map<String, String> environment) {
        final Map<String, String> overrides = new HashMap<>();
        for (final String key : DEFINITION.names()) {
            final String value = environment.get(LedgerConfig.environmentVariable(key));
            if (value != null) {
                overrides.put(key, value);
            }
        }
        return overrides;
    }

    /** The {@code query.*} keys given that this version does not know (a misspelling, most likely). */
    public java.util.Set<String> unknownKeys() {
        final java.util.Set<String> unknown = new java.util.TreeSet<>(values.keySet());
        unknown.removeIf(key -> !key.startsWith("query.") || DEFINITION.names().contains(key));
        return unknown;
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public int httpThreads() {
        return getInt(HTTP_THREADS);
    }

    public String advertisedHost() {
        final String advertised = getString(ADVERTISED_HOST);
        return advertised.isEmpty() ? httpHost() : advertised;
    }

    public Path tokensFile() {
        return Path.of(getString(TOKENS_FILE));
    }

    public Duration claimTimeout() {
        return Duration.ofMillis(getLong(CLAIM_TIMEOUT_MS));
    }

    public int placementAttempts() {
        return getInt(PLACEMENT_ATTEMPTS);
    }

    public Duration readWait() {
        return Duration.ofMillis(getLong(READ_WAIT_MS));
    }

    public int candidatesLimit() {
        return getInt(CANDIDATES_LIMIT);
    }
}
