package io.pciledger.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimBodyTest {

    private static ClaimBody withClaimId(final String claimId) {
        return new ClaimBody(claimId, "vm-1", null, null, List.of(new ItemBody("gpu", 1, null, null, null)), null,
                null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm-42-boot", "6f1c2a1e-8d4b-4b7e-9a55-0c3d2f1e7b90", "nova:vm-1@port.2_x~y", "..a"})
    void claimIdsOfTheSafeCharactersAreAccepted(final String claimId) {
        assertThat(withClaimId(claimId).toDomain("acme").claimId()).isEqualTo(claimId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm-1/port-2", "50%", "a;b", "two words", "é", "a?b", "a#b", "1234+0", ".", ".."})
    void claimIdsOutsideTheSafeCharactersOrOnlyDotsAreRefused(final String claimId) {
        assertThatThrownBy(() -> withClaimId(claimId).toDomain("acme"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400))
                .hasMessageContaining("claim_id");
    }

    @Test
    void claimIdsLongerThan255CharactersAreRefused() {
        assertThat(withClaimId("c".repeat(255)).toDomain("acme").claimId()).hasSize(255);
        assertThatThrownBy(() -> withClaimId("c".repeat(256)).toDomain("acme")).isInstanceOf(ApiProblem.class);
    }
}
