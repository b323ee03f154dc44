package io.pciledger.query;

import io.pciledger.testkit.Backend;
import io.pciledger.testkit.KafkaTest;

/** {@link ClusterFaultScenario} on three Kafka nodes in child JVMs on loopback: runs everywhere. */
@KafkaTest(brokers = 3, isolated = true, backend = Backend.EMBEDDED)
class ClusterFaultTest extends ClusterFaultScenario {
}
