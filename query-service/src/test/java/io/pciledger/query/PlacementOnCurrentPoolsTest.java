package io.pciledger.query;

import static io.pciledger.query.ServiceHarness.ACME;
import static io.pciledger.query.ServiceHarness.call;
import static io.pciledger.query.ServiceHarness.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.query.ServiceHarness.Answer;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement when this instance's host pools still show a device that was just granted: the candidate refuses, and
 * the claim must still find the device free elsewhere, even when only one candidate is tried from the pools as they
 * stood ({@code query.claims.placement.attempts} 1).
 */
@KafkaTest
class PlacementOnCurrentPoolsTest {

    private static final String PLACEMENT =
            "{\"claim_id\": \"%s\", \"instance\": \"vm\", \"alias\": \"gpu-pair:1\"}";

    @Test
    void aCandidateThatRefusedIsFollowedByOneFromCurrentPools(final KafkaCluster kafka, @TempDir final Path dir)
            throws Exception {
        try (ServiceHarness harness = new ServiceHarness(kafka, dir)) {
            final QueryService service = harness.startInstance(Map.of(QueryServiceConfig.PLACEMENT_ATTEMPTS, "1"));
            for (final String host : new String[] {"pair-a", "pair-b"}) {
                harness.report(host, ServiceHarness.devices("gpu-pair", 1, 0).subList(0, 1)); // the GPU alone
            }
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    get(service, "/v1/groups/gpu-pair", ACME).body().path("total").asInt() == 2);

            for (int round = 1; round <= 10; round++) {
                final String taken = "taken-" + round;
                final Answer granted = call(service, "POST", "/v1/claims", ACME, "{\"claim_id\": \"" + taken
                        + "\", \"instance\": \"vm\", \"host\": \"pair-a\", \"items\": [{\"group\": \"gpu-pair\","
                        + " \"count\": 1}]}");
                assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
                // At once: the pools here may still show pair-a free, and placement may pick it first.
                final String placedId = "placed-" + round;
                final Answer placed = call(service, "POST", "/v1/claims", ACME, PLACEMENT.formatted(placedId));

                assertThat(placed.status()).as("round %d: %s", round, placed.body()).isEqualTo(201);
                assertThat(placed.body().path("host").asText()).isEqualTo("pair-b");
                for (final String claim : new String[] {taken, placedId}) {
                    final Answer released = call(service, "DELETE", "/v1/claims/" + claim, ACME, null);
                    assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
                }
            }
        }
    }
}
