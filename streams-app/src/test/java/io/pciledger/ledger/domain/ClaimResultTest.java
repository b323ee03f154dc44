package io.pciledger.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.CommandOutcome.Confirmed;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.CommandOutcome.Released;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which answer for a claim id a lookup by claim id shows. */
class ClaimResultTest {

    private static final ClaimResult GRANTED_ON_A = answer("compute-a", new Granted(List.of(), true, 7, null));

    @Test
    void aConfirmationOrReleaseTakesOverFromTheGrant() {
        final ClaimResult confirmed = answer("compute-a", new Confirmed(8));
        final ClaimResult released = answer("compute-a", new Released(List.of(), false, 9));

        assertThat(GRANTED_ON_A.isSupersededBy(confirmed)).isTrue();
        assertThat(confirmed.isSupersededBy(released)).isTrue();
    }

    @Test
    void aRefusedReleaseByAnotherTenantDoesNotDisplaceTheGrant() {
        assertThat(GRANTED_ON_A.isSupersededBy(refused("compute-a", RejectReason.NOT_AUTHORIZED))).isFalse();
    }

    @Test
    void aReleaseSentToTheWrongHostDoesNotMoveTheClaim() {
        assertThat(GRANTED_ON_A.isSupersededBy(refused("compute-b", RejectReason.UNKNOWN_CLAIM))).isFalse();
        assertThat(refused("compute-a", RejectReason.INSUFFICIENT_DEVICES)
                .isSupersededBy(refused("compute-b", RejectReason.UNKNOWN_CLAIM))).isFalse();
    }

    @Test
    void aGrantElsewhereAfterARefusalTakesOver() {
        final ClaimResult refusedOnA = refused("compute-a", RejectReason.INSUFFICIENT_DEVICES);

        assertThat(refusedOnA.isSupersededBy(answer("compute-b", new Granted(List.of(), true, 3, null)))).isTrue();
    }

    @Test
    void aRecordedRefusalReplacesARefusalThatFoundNothing() {
        assertThat(refused("compute-a", RejectReason.UNKNOWN_HOST)
                .isSupersededBy(refused("compute-b", RejectReason.HOST_STALE))).isTrue();
    }

    private static ClaimResult refused(final String host, final RejectReason reason) {
        return answer(host, new Rejected(reason, reason + " on " + host));
    }

    private static ClaimResult answer(final String host, final CommandOutcome outcome) {
        return new ClaimResult("c-1", "command-" + host, host, Instant.EPOCH, outcome);
    }
}
