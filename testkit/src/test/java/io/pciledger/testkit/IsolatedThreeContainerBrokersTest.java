package io.pciledger.testkit;

/**
 * {@link IsolatedThreeBrokerTest} on three {@code apache/kafka} containers: runs where a Docker engine is reachable;
 * elsewhere JUnit reports it skipped, with the reason.
 */
@KafkaTest(brokers = 3, isolated = true, backend = Backend.TESTCONTAINERS)
class IsolatedThreeContainerBrokersTest extends IsolatedThreeBrokerTest {
}
