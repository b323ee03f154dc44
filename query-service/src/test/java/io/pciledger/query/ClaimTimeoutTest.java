package io.pciledger.query;

import static io.pciledger.query.ServiceHarness.ACME;
import static io.pciledger.query.ServiceHarness.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.query.ServiceHarness.Answer;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A claim whose committed result does not come in time is answered 504, naming the host to retry on. */
@KafkaTest
class ClaimTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void aLateAnswerIs504WithTheHostToRetryOn(final KafkaCluster kafka) throws Exception {
        try (ServiceHarness harness = new ServiceHarness(kafka, dir)) {
            final QueryService service = harness.startInstance(Map.of(QueryServiceConfig.CLAIM_TIMEOUT_MS, "1"));

            final Answer late = call(service, "POST", "/v1/claims", ACME, "{\"claim_id\": \"slow-1\", \"instance\":"
                    + " \"vm\", \"host\": \"compute-1\", \"items\": [{\"group\": \"gpu-a100\"}]}");

            assertThat(late.status()).as(late.body().toString()).isEqualTo(504);
            assertThat(late.body().path("reason").asText()).isEqualTo("NO_COMMITTED_ANSWER");
            assertThat(late.body().path("host").asText()).isEqualTo("compute-1");
            assertThat(late.body().path("detail").asText()).contains("retry with the same claim_id");
        }
    }
}
