package io.pciledger.ledger.domain;

import java.util.List;

/** Claim requests for tests: tenant {@code acme}, instance named after the claim. */
final class Requests {

    static final String TENANT = "acme";

    private Requests() {
    }

    static ClaimRequest claim(final String claimId, final RequestItem... items) {
        return new ClaimRequest(claimId, TENANT, "vm-" + claimId, List.of(items), false, null);
    }

    static ClaimRequest claimFor(final String tenant, final String claimId, final RequestItem... items) {
        return new ClaimRequest(claimId, tenant, "vm-" + claimId, List.of(items), false, null);
    }
}
