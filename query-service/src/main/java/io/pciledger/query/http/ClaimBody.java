package io.pciledger.query.http;

import io.pciledger.agent.spec.AliasExtraSpec;
import io.pciledger.agent.spec.AliasRequestException;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.RequestItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/claims}. Items are either {@code items} (see {@link ItemBody}) or Nova's form
 * {@code "alias": "gpu-a100:2,nvme:1"} (each alias names the PCI group of the same name), not both.
 *
 * <p>The claim id names the claim in paths ({@code /v1/claims/{claim_id}/confirm}), so it is kept to characters every
 * client can put in a path segment as they are ({@link #CLAIM_ID}), and not only dots. A {@code /}, {@code %} or
 * {@code ;} was granted and then unreachable for its confirm and release (Jetty refuses them encoded), {@code .} and
 * {@code ..} are path steps, and others must be percent-encoded by every client, which some forget.
 */
record ClaimBody(String claimId, String instance, String host, String tenant, List<ItemBody> items, String alias,
        Boolean allowNonMigratable, Long ttlSeconds) {

    /** ASCII letters, digits and {@code - . _ ~ : @}, at most 255, not only dots: UUIDs and compound keys fit. */
    static final Pattern CLAIM_ID = Pattern.compile("(?!\\.+$)[A-Za-z0-9._~:@-]{1,255}");

    /** The claim for {@code tenant}, checked enough that the ledger's own validation names anything left. */
    ClaimRequest toDomain(final String tenantOfClaim) {
        if (claimId == null || claimId.isBlank()) {
            throw ApiProblem.badRequest("'claim_id' is required: a key you choose, so a retry is answered once");
        }
        if (!CLAIM_ID.matcher(claimId).matches()) {
            throw ApiProblem.badRequest("'claim_id' may hold only ASCII letters, digits and - . _ ~ : @ (not only "
                    + "dots), at most 255, since it names the claim in paths such as /v1/claims/{claim_id}");
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
