package io.pciledger.broker.internals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Asks the cluster which brokers it currently counts as live (registered and not fenced), through
 * an admin client that is created only once some node accepts connections, so that a cluster still
 * booting does not fill the caller's log with connection warnings.
 */
final class LiveBrokerProbe implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Collection<NodeAddress> addresses;
    private Admin admin;

    LiveBrokerProbe(final Collection<NodeAddress> addresses) {
        this.addresses = addresses;
    }

    /** The ids of the live brokers, or an empty set while the cluster cannot answer. */
    Set<Integer> liveBrokers() {
        if (admin == null && addresses.stream().noneMatch(LiveBrokerProbe::acceptsConnections)) {
            return Set.of();
        }
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis()));
        }
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) REQUEST_TIMEOUT.toMillis()))
                    .nodes().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .stream().map(Node::id).collect(Collectors.toUnmodifiableSet());
        } catch (final ExecutionException | TimeoutException notYet) {
            return Set.of();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the Kafka cluster for its live brokers", e);
        }
    }

    private String bootstrapServers() {
        return addresses.stream().map(NodeAddress::brokerEndpoint).collect(Collectors.joining(","));
    }

    private static boolean acceptsConnections(final NodeAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(NodeAddress.LOOPBACK, address.brokerPort()), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (final IOException notListening) {
            return false;
        }
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
