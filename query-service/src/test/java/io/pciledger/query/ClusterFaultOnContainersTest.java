package io.pciledger.query;

import io.pciledger.testkit.Backend;
import io.pciledger.testkit.KafkaTest;

/**
 * {@link ClusterFaultScenario} on three {@code apache/kafka} containers (Testcontainers), the image
 * {@code docker/compose.yaml} runs: where no Docker engine is reachable, JUnit reports it skipped, saying so.
 */
@KafkaTest(brokers = 3, isolated = true, backend = Backend.TESTCONTAINERS)
class ClusterFaultOnContainersTest extends ClusterFaultScenario {
}
