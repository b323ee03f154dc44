package io.pciledger.query.http;

import io.javalin.http.Context;
import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.domain.RejectedClaim;
import io.pciledger.ledger.query.ClaimView;
import io.pciledger.ledger.query.HostView;
import io.pciledger.ledger.query.LocalLedgerReads;
import io.pciledger.query.auth.GroupAccess;
import io.pciledger.query.auth.Principal;
import io.pciledger.query.auth.Role;
import io.pciledger.query.claims.ClaimService;
import io.pciledger.query.view.CloudViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code /v1/hosts}, a host's devices and their history, claims by id, and {@code /v1/ledger} audit pages. Per-host
 * reads come from the ledger's stores on the instance that holds the host ({@link RoutedReads}); the host list from
 * the committed host pools every instance holds. A tenant sees only devices and pools of groups it may see, and
 * only its own claims; admins and readers see everything.
 */
final class HostsApi {

    private static final int MAX_PAGE = 1000;

    private final CloudViews views;
    private final RoutedReads routed;
    private final Function<String, Optional<String>> sentHere;

    /** @param sentHere the host this instance sent a claim id to, if it did (see {@link ClaimService#placedHere}) */
    HostsApi(final CloudViews views, final RoutedReads routed, final Function<String, Optional<String>> sentHere) {
        this.views = views;
        this.routed = routed;
        this.sentHere = sentHere;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/hosts", Access.READ, this::list),
                Route.get("/v1/hosts/{host}", Access.READ, this::host),
                Route.get("/v1/hosts/{host}/devices", Access.READ, this::devices),
                Route.get("/v1/hosts/{host}/devices/{address}", Access.READ, this::device),
                Route.get("/v1/hosts/{host}/devices/{address}/history", Access.READ, this::history),
                Route.get("/v1/hosts/{host}/claims/{claim_id}", Access.READ, this::hostClaim),
                Route.get("/v1/claims/{claim_id}", Access.READ, this::claim),
                Route.get("/v1/ledger", Access.READ, this::ledger));
    }

    record HostSummary(String host, boolean stale, Map<String, Integer> free) {
    }

    record PoolBody(String group, String devType, Integer numaNode, int total, int free) {
    }

    record HostBody(String host, long ledgerSeq, boolean stale, Instant staleSince, Instant lastHeard,
            List<PoolBody> pools, int liveClaims, boolean mayBeStale) {
    }

    record DeviceBody(String address, String vendorId, String productId, String classCode, String devType,
            String parentAddr, Integer numaNode, String ifname, String driver, String group,
            Map<String, String> tags, String status, String claimId) {

        static DeviceBody of(final LedgerDevice entry) {
            final Device device = entry.device();
            return new DeviceBody(device.address(), device.vendorId(), device.productId(), device.classCode(),
                    device.devType().novaName(), device.parentAddr(), device.numaNode(), device.ifname(),
                    device.driver(), device.group(), device.tags(), entry.status().name().toLowerCase(),
                    entry.holder());
        }
    }

    record DeviceList(String host, long ledgerSeq, List<DeviceBody> devices, boolean mayBeStale) {
    }

    record EventBody(String host, long seq, Instant at, String type, String cause, String actor, Object event) {

        static EventBody of(final LedgerRecord record) {
            return new EventBody(record.host(), record.seq(), record.timestamp(),
                    record.event().getClass().getSimpleName(), record.causeId(), record.actor(), record.event());
        }
    }

    record History(String host, String address, List<EventBody> events, boolean mayBeStale) {
    }

    record LedgerPage(String host, List<EventBody> events, Long nextFromSeq, boolean mayBeStale) {
    }

    record ClaimState(String claimId, String host, String status, String tenant, String instance,
            List<ClaimsApi.DeviceBody> devices, boolean liveMigratable, Instant expiresAt, List<String> lostAddresses,
            String reason, String message, boolean mayBeStale) {
    }

    private void list(final Context ctx, final Principal principal) {
        final List<HostSummary> hosts = new ArrayList<>();
        for (final HostPools pools : views.hostPools().values()) {
            final SortedMap<String, Integer> free = new TreeMap<>();
            pools.freeByGroup().forEach((group, count) -> {
                if (GroupAccess.sees(principal, views.registration(group))) {
                    free.put(group, count);
                }
            });
            hosts.add(new HostSummary(pools.host(), pools.stale(), free));
        }
        hosts.sort(Comparator.comparing(HostSummary::host));
        ctx.json(Map.of("hosts", hosts));
    }

    private void host(final Context ctx, final Principal principal) throws Exception {
        final String name = ctx.pathParam("host");
        routed.host(ctx, name, (reads, fromStandby) -> {
            final HostView host = known(reads, name);
            final List<PoolBody> pools = host.pools().pools().stream()
                    .filter(pool -> sees(principal, pool.group()))
                    .map(HostsApi::pool)
                    .toList();
            final int live = host.claims().size();
            return new HostBody(host.host(), host.lastSeq(), host.stale(), host.staleSince(), host.lastHeard(), pools,
                    live, fromStandby);
        });
    }

    private void devices(final Context ctx, final Principal principal) throws Exception {
        final String name = ctx.pathParam("host");
        routed.host(ctx, name, (reads, fromStandby) -> {
            final HostView host = known(reads, name);
            return new DeviceList(host.host(), host.lastSeq(), host.devices().stream()
                    .filter(device -> sees(principal, device.group()))
                    .map(DeviceBody::of)
                    .toList(), fromStandby);
        });
    }

    private void device(final Context ctx, final Principal principal) throws Exception {
        final String name = ctx.pathParam("host");
        final String address = ctx.pathParam("address");
        routed.host(ctx, name, (reads, fromStandby) -> DeviceBody.of(visibleDevice(principal, known(reads, name),
                address)));
    }

    private void history(final Context ctx, final Principal principal) throws Exception {
        final String name = ctx.pathParam("host");
        final String address = ctx.pathParam("address");
        routed.host(ctx, name, (reads, fromStandby) -> {
            final List<LedgerRecord> events = reads.deviceHistory(name, address);
            if (events.isEmpty()) {
                throw ApiProblem.notFound("UNKNOWN_DEVICE", "the ledger of host " + name + " has no device "
                        + address);
            }
            final Optional<LedgerDevice> present = known(reads, name).devices().stream()
                    .filter(device -> device.address().equals(address)).findFirst();
            if (present.isPresent() && !sees(principal, present.get().group())) {
                throw ApiProblem.forbidden("device " + address + " is in a group private to another tenant");
            }
            return new History(name, address, events.stream().map(EventBody::of).toList(), fromStandby);
        });
    }

    private void ledger(final Context ctx, final Principal principal) throws Exception {
        if (principal.role() == Role.TENANT) {
            throw ApiProblem.forbidden("ledger pages are for admins and readers (auditors); a tenant reads its "
                    + "devices' histories");
        }
        final String name = ctx.queryParam("host");
        if (name == null || name.isBlank()) {
            throw ApiProblem.badRequest("query parameter 'host' is required");
        }
        final long fromSeq = Params.longParam(ctx, "from_seq", 1, 1);
        final int limit = Params.intParam(ctx, "limit", 100, 1, MAX_PAGE);
        routed.host(ctx, name, (reads, fromStandby) -> {
            final List<LedgerRecord> events = reads.hostEvents(name, fromSeq, limit);
            final Long next = events.size() < limit ? null : events.get(events.size() - 1).seq() + 1;
            return new LedgerPage(name, events.stream().map(EventBody::of).toList(), next, fromStandby);
        });
    }

    private void claim(final Context ctx, final Principal principal) throws Exception {
        final String claimId = ctx.pathParam("claim_id");
        final Optional<String> sent = sentHere.apply(claimId);
        if (sent.isPresent()) {
            final String host = sent.get();
            routed.hostOnBehalf(ctx, host, (hostReads, hostFromStandby) ->
                    claimState(principal, hostReads, host, claimId, hostFromStandby),
                    "/v1/hosts/" + host + "/claims/" + claimId);
            return;
        }
        routed.claim(ctx, claimId, (reads, fromStandby) -> {
            final String host = reads.claimResult(claimId)
                    .map(io.pciledger.ledger.domain.ClaimResult::host)
                    .orElseThrow(() -> ApiProblem.notFound("UNKNOWN_CLAIM", "no ledger has decided a claim "
                            + claimId));
            routed.hostOnBehalf(ctx, host, (hostReads, hostFromStandby) ->
                    claimState(principal, hostReads, host, claimId, hostFromStandby),
                    "/v1/hosts/" + host + "/claims/" + claimId);
            return RoutedReads.ANSWERED;
        });
    }

    private void hostClaim(final Context ctx, final Principal principal) throws Exception {
        final String name = ctx.pathParam("host");
        final String claimId = ctx.pathParam("claim_id");
        routed.host(ctx, name, (reads, fromStandby) -> claimState(principal, reads, name, claimId, fromStandby));
    }

    private static ClaimState claimState(final Principal principal, final LocalLedgerReads reads, final String host,
            final String claimId, final boolean fromStandby) {
        known(reads, host);
        final ClaimView decided = reads.claim(host, claimId).orElseThrow(() -> ApiProblem.notFound("UNKNOWN_CLAIM",
                "host " + host + " has not decided a claim " + claimId));
        final Optional<Claim> granted = decided.granted();
        if (granted.isPresent()) {
            final Claim claim = granted.get();
            ownClaim(principal, claim.tenant(), claimId);
            return new ClaimState(claimId, host, claim.status().name().toLowerCase(), claim.tenant(),
                    claim.instance(), claim.devices().stream().map(ClaimsApi.DeviceBody::of).toList(),
                    claim.liveMigratable(), claim.expiresAt(), List.copyOf(claim.lostAddresses()), null, null,
                    fromStandby);
        }
        final RejectedClaim rejected = decided.refused().orElseThrow();
        ownClaim(principal, rejected.tenant(), claimId);
        return new ClaimState(claimId, host, "rejected", rejected.tenant(), rejected.instance(), List.of(),
                false, null, List.of(), rejected.reason().name(), rejected.message(), fromStandby);
    }

    private static void ownClaim(final Principal principal, final String tenant, final String claimId) {
        if (principal.role() == Role.TENANT && !principal.tenant().equals(tenant)) {
            throw ApiProblem.notFound("UNKNOWN_CLAIM", "no claim " + claimId + " of tenant " + principal.tenant());
        }
    }

    private static HostView known(final LocalLedgerReads reads, final String host) {
        return reads.host(host).orElseThrow(() -> ApiProblem.notFound("UNKNOWN_HOST",
                "the ledger has no history for host " + host));
    }

    private LedgerDevice visibleDevice(final Principal principal, final HostView host, final String address) {
        final LedgerDevice device = host.devices().stream().filter(entry -> entry.address().equals(address))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("UNKNOWN_DEVICE", "host " + host.host() + " has no device "
                        + address));
        if (!sees(principal, device.group())) {
            throw ApiProblem.forbidden("device " + address + " is in a group private to another tenant");
        }
        return device;
    }

    private boolean sees(final Principal principal, final String group) {
        return GroupAccess.sees(principal, views.registration(group));
    }

    private static PoolBody pool(final Pool pool) {
        return new PoolBody(pool.group(), pool.devType().novaName(), pool.numaNode(), pool.total(), pool.free());
    }
}
