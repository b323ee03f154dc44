package io.pciledger.testkit.internals;

import io.pciledger.testkit.Backend;
import java.util.Optional;

/** Starts the cluster a request asks for, on its backend. */
public final class ClusterLauncher {

    private ClusterLauncher() {
    }

    /**
     * Says why the request's backend cannot run on this machine, if it cannot.
     *
     * @param request what the test class asked for, backend resolved
     * @return the reason to skip the class, or empty if the cluster can start
     */
    public static Optional<String> reasonItCannotRun(final ClusterRequest request) {
        return request.backend() == Backend.TESTCONTAINERS
                ? ContainerBackendCluster.reasonItCannotRun()
                : Optional.empty();
    }

    /**
     * Starts a cluster.
     *
     * @param request what the test class asked for, backend resolved
     * @return the started cluster, owned by the caller
     * @throws org.opentest4j.TestAbortedException if the backend cannot run here (no Docker engine)
     */
    public static ManagedCluster start(final ClusterRequest request) {
        return switch (request.backend()) {
            case EMBEDDED -> EmbeddedBackendCluster.start(request.brokers());
            case TESTCONTAINERS -> request.brokers() == 1
                    ? ContainerBackendCluster.start()
                    : ContainerQuorumCluster.start(request.brokers());
            case DEFAULT -> throw new IllegalArgumentException("The backend of " + request + " was not resolved");
        };
    }
}
