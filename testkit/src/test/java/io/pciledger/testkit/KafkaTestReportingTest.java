package io.pciledger.testkit;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.testcontainers.DockerClientFactory;

/** How {@link KafkaTest} classes that cannot get their cluster are reported, run in an engine of their own. */
class KafkaTestReportingTest {

    @Test
    void testcontainersWithoutDockerIsSkippedSayingWhy() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is reachable here");

        containerEventsOf(ContainerWithoutDocker.class).assertThatEvents().haveExactly(1,
                event(container(ContainerWithoutDocker.class),
                        skippedWithReason("kafka.backend=testcontainers needs a Docker engine and none is reachable: skipped")));
    }

    @Test
    void severalContainerBrokersWithoutDockerAreSkippedSayingWhy() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is reachable here");

        containerEventsOf(ThreeContainerBrokers.class).assertThatEvents().haveExactly(1,
                event(container(ThreeContainerBrokers.class),
                        skippedWithReason("kafka.backend=testcontainers needs a Docker engine and none is reachable: skipped")));
    }

    @Test
    void extensionWithoutKafkaTestFailsNamingTheClass() {
        containerEventsOf(ExtensionWithoutAnnotation.class).assertThatEvents().haveExactly(1,
                event(container(ExtensionWithoutAnnotation.class), finishedWithFailure(
                        message(reason -> reason.contains("needs @KafkaTest on " + ExtensionWithoutAnnotation.class.getName())))));
    }

    @Test
    void clusterWithoutBrokersFailsNamingTheCount() {
        containerEventsOf(NoBrokers.class).assertThatEvents().haveExactly(1,
                event(container(NoBrokers.class), finishedWithFailure(
                        message(reason -> reason.contains("@KafkaTest(brokers = 0) must ask for at least 1 broker")))));
    }

    private static Events containerEventsOf(final Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().containerEvents();
    }

    @KafkaTest(backend = Backend.TESTCONTAINERS)
    static class ContainerWithoutDocker {
        @Test
        void neverRuns(final KafkaCluster kafka) {
        }
    }

    @KafkaTest(backend = Backend.TESTCONTAINERS, brokers = 3)
    static class ThreeContainerBrokers {
        @Test
        void neverRuns(final KafkaCluster kafka) {
        }
    }

    @ExtendWith(KafkaClusterExtension.class)
    static class ExtensionWithoutAnnotation {
        @Test
        void neverRuns(final KafkaCluster kafka) {
        }
    }

    @KafkaTest(brokers = 0)
    static class NoBrokers {
        @Test
        void neverRuns(final KafkaCluster kafka) {
        }
    }
}
