package io.pciledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs where a Docker engine is reachable; elsewhere JUnit reports it skipped, with the reason. */
@KafkaTest(backend = Backend.TESTCONTAINERS)
class TestcontainersBackendTest {

    @Test
    void recordRoundTripsThroughTheContainer(final KafkaCluster kafka) throws Exception {
        assertThat(kafka.backend()).isEqualTo(Backend.TESTCONTAINERS);
        assertThat(RecordRoundTrip.roundTrip(kafka, 1, "device added")).isEqualTo("device added");
    }
}
