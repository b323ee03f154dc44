package io.pciledger.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.Context;
import io.pciledger.ledger.avro.GroupRegistrations;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.GroupRegistration;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.query.auth.GroupAccess;
import io.pciledger.query.auth.Principal;
import io.pciledger.query.groups.GroupRegistrar;
import io.pciledger.query.view.CloudViews;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /v1/groups}: every PCI group's counts (from the committed {@code pci.group-counts}), optionally per host
 * (from {@code pci.host-pools}), and the group registry (owner, visibility, description) in {@code pci.groups}.
 *
 * <p>{@code GET /v1/groups/{group}} is the hottest read of the API: its JSON is rendered once per version of the
 * group's count and registration (the values the committed tables hold, replaced, never changed, by each record)
 * and sent as bytes until either is replaced.
 */
final class GroupsApi {

    private static final ObjectWriter GROUP_JSON = Json.mapper().writerFor(GroupBody.class);

    private final CloudViews views;
    private final GroupRegistrar registrar;
    private final WaitingRequests waits;
    private final Map<String, RenderedGroup> rendered = new ConcurrentHashMap<>();

    GroupsApi(final CloudViews views, final GroupRegistrar registrar, final WaitingRequests waits) {
        this.views = views;
        this.registrar = registrar;
        this.waits = waits;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/groups/{group}", Access.READ, this::one),
                Route.get("/v1/groups", Access.READ, this::list),
                Route.put("/v1/groups/{group}", Access.WRITE, this::register),
                Route.delete("/v1/groups/{group}", Access.WRITE, this::unregister));
    }

    /** A group as the API shows it. */
    record GroupBody(String group, int total, int available, int claimed, int unavailable, int lost,
            String visibility, String ownerTenant, String description, Instant updatedAt, List<HostCount> hosts) {
    }

    /** A group's devices on one host. */
    record HostCount(String host, int total, int free, boolean stale) {
    }

    /** The body of {@code PUT /v1/groups/{group}}. */
    record RegistrationBody(String ownerTenant, String visibility, String description) {
    }

    /**
     * A group's answer without its hosts, and the table values it was rendered from.
     *
     * @param count        the group's count as held when rendered (null: none)
     * @param registration its registration as held when rendered (null: none)
     * @param rules        the claim-rule part of {@code registration}
     */
    private record RenderedGroup(GroupCount count, io.pciledger.schemas.group.GroupRegistration registration,
            Optional<GroupRegistration> rules, byte[] json) {

        boolean renders(final GroupCount heldCount,
                final io.pciledger.schemas.group.GroupRegistration heldRegistration) {
            return count == heldCount && registration == heldRegistration;
        }
    }

    private void list(final Context ctx, final Principal principal) {
        final boolean perHost = Params.flag(ctx, "per_host");
        final TreeSet<String> names = new TreeSet<>(views.groupCounts().keySet());
        names.addAll(views.registrations().keySet());
        final List<GroupBody> groups = new ArrayList<>();
        for (final String group : names) {
            if (GroupAccess.sees(principal, views.registration(group))) {
                groups.add(body(group, perHost));
            }
        }
        ctx.json(Map.of("groups", groups));
    }

    private void one(final Context ctx, final Principal principal) throws IOException {
        final String group = ctx.pathParam("group");
        if (Params.flag(ctx, "per_host")) {
            visibleGroup(principal, group);
            ctx.json(body(group, true));
            return;
        }
        final RenderedGroup answer = rendered(group);
        if (!GroupAccess.sees(principal, answer.rules())) {
            throw privateGroup(group);
        }
        PrerenderedJson.send(ctx, answer.json());
    }

    /** The answer for {@code group} as the tables hold it now, rendered again only when they hold new values. */
    private RenderedGroup rendered(final String group) throws JsonProcessingException {
        final GroupCount count = views.groupCounts().get(group);
        final io.pciledger.schemas.group.GroupRegistration registration = views.registrations().get(group);
        if (count == null && registration == null) {
            throw unknownGroup(group);
        }
        final RenderedGroup before = rendered.get(group);
        if (before != null && before.renders(count, registration)) {
            return before;
        }
        final RenderedGroup now = new RenderedGroup(count, registration, GroupRegistrations.toDomain(registration),
                GROUP_JSON.writeValueAsBytes(body(group, count, registration, null)));
        rendered.put(group, now);
        return now;
    }

    private void visibleGroup(final Principal principal, final String group) {
        final Optional<GroupRegistration> registration = views.registration(group);
        if (registration.isEmpty() && !views.groupCounts().containsKey(group)) {
            throw unknownGroup(group);
        }
        if (!GroupAccess.sees(principal, registration)) {
            throw privateGroup(group);
        }
    }

    private static ApiProblem unknownGroup(final String group) {
        return ApiProblem.notFound("UNKNOWN_GROUP", "no device of group '" + group
                + "' was ever reported and the group is not registered");
    }

    private static ApiProblem privateGroup(final String group) {
        return ApiProblem.forbidden("group '" + group + "' is private to another tenant");
    }

    private GroupBody body(final String group, final boolean perHost) {
        return body(group, views.groupCounts().get(group), views.registrations().get(group),
                perHost ? hostCounts(group) : null);
    }

    private static GroupBody body(final String group, final GroupCount held,
            final io.pciledger.schemas.group.GroupRegistration registration, final List<HostCount> hosts) {
        final GroupCount count = held == null ? GroupCount.ZERO : held;
        return new GroupBody(group, count.total(), count.available(), count.claimed(), count.unavailable(),
                count.lost(),
                registration == null ? "public" : registration.getVisibility().name().toLowerCase(java.util.Locale.ROOT),
                registration == null ? null : registration.getOwnerTenant(),
                registration == null ? null : registration.getDescription(),
                registration == null ? null : registration.getUpdatedAt(),
                hosts);
    }

    private List<HostCount> hostCounts(final String group) {
        final List<HostCount> hosts = new ArrayList<>();
        for (final HostPools pools : views.hostPools().values()) {
            int total = 0;
            int free = 0;
            for (final Pool pool : pools.pools()) {
                if (pool.group().equals(group)) {
                    total += pool.total();
                    free += pool.free();
                }
            }
            if (total > 0) {
                hosts.add(new HostCount(pools.host(), total, free, pools.stale()));
            }
        }
        hosts.sort(java.util.Comparator.comparing(HostCount::host));
        return hosts;
    }

    private void register(final Context ctx, final Principal principal) throws Exception {
        final String group = ctx.pathParam("group");
        final RegistrationBody body = ctx.bodyAsClass(RegistrationBody.class);
        final GroupRegistrar.Change change = GroupRegistrar.Change.parse(group, body.ownerTenant(), body.visibility(),
                body.description());
        waits.defer(ctx, () -> {
            registrar.register(principal, change);
            ctx.json(body(group, false));
        });
    }

    private void unregister(final Context ctx, final Principal principal) throws Exception {
        final String group = ctx.pathParam("group");
        waits.defer(ctx, () -> {
            registrar.unregister(principal, group);
            ctx.status(204);
        });
    }
}
