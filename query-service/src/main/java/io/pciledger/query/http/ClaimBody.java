package io.pciledger.query.http;

import io.pciledger.agent.spec.AliasExtraSpec;
import io.pciledger.agent.spec.AliasRequestException;
import io.pciledger.ledger.domain.ClaimId;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.RequestItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/claims}. Items are either {@code items} (see {@link ItemBody}) or Nova's form
 * {@code "alias": "gpu-a100:2,nvme:1"} (each alias names the PCI group of the same name), not both.
 *
 * <p>The claim id names the claim in paths ({@code /v1/claims/{claim_id}/confirm}), so it must be one a path can
 * carry as it is ({@link ClaimId}); the ledger holds commands to the same rule.
 */
record ClaimBody(String claimId, String instance, String host, String tenant, List<ItemBody> items, String alias,
        Boolean allowNonMigratable, Long ttlSeconds) {

    /** The claim for {@code tenant}, checked enough that the ledger's own validation names anything left. */
    ClaimRequest toDomain(final String tenantOfClaim) {
        if (claimId == null || claimId.isBlank()) {
            throw ApiProblem.badRequest("'claim_id' is required: a key you choose, so a retry is answered once");
        }
        if (!ClaimId.isWellFormed(claimId)) {
            throw ApiProblem.badRequest("'claim_id' may hold " + ClaimId.RULE
                    + ", since it names the claim in paths such as /v1/claims/{claim_id}");
        }
        if (instance == null || instance.isBlank()) {
            throw ApiProblem.badRequest("'instance' is required: the instance (consumer) the devices are for");
        }
        if (ttlSeconds != null && ttlSeconds < 1) {
            throw ApiProblem.badRequest("'ttl_seconds' must be at least 1");
        }
        return new ClaimRequest(claimId, tenantOfClaim, instance, requestItems(items, alias),
                Boolean.TRUE.equals(allowNonMigratable), ttlSeconds == null ? null : Duration.ofSeconds(ttlSeconds));
    }

    static List<RequestItem> requestItems(final List<ItemBody> items, final String alias) {
        if ((items == null || items.isEmpty()) == (alias == null || alias.isBlank())) {
            throw ApiProblem.badRequest("give either 'items' or 'alias' (Nova's name:count,...), exactly one");
        }
        final List<RequestItem> requested = new ArrayList<>();
        if (alias != null && !alias.isBlank()) {
            requested.addAll(aliasItems(alias));
        } else {
            for (int index = 0; index < items.size(); index++) {
                if (items.get(index) == null) {
                    throw ApiProblem.badRequest("items[" + index + "] is null");
                }
                requested.add(items.get(index).toDomain("items[" + index + "]"));
            }
        }
        return requested;
    }

    static List<RequestItem> aliasItems(final String alias) {
        try {
            return AliasExtraSpec.parse(alias).items().stream()
                    .map(item -> RequestItem.devices(item.alias(), item.count()))
                    .toList();
        } catch (final AliasRequestException wrong) {
            throw ApiProblem.badRequest("alias '" + alias + "': " + wrong.getMessage());
        }
    }
}
