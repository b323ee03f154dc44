package io.pciledger.query.http;

import io.javalin.http.Context;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.GroupRegistration;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.query.auth.GroupAccess;
import io.pciledger.query.auth.Principal;
import io.pciledger.query.groups.GroupRegistrar;
import io.pciledger.query.view.CloudViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code /v1/groups}: every PCI group's counts (from the committed {@code pci.group-counts}), optionally per host
 * (from {@code pci.host-pools}), and the group registry (owner, visibility, description) in {@code pci.groups}.
 */
final class GroupsApi {

    private final CloudViews views;
    private final GroupRegistrar registrar;

    GroupsApi(final CloudViews views, final GroupRegistrar registrar) {
        this.views = views;
        this.registrar = registrar;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/groups", Access.READ, this::list),
                Route.get("/v1/groups/{group}", Access.READ, this::one),
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
        ctx.json(java.util.Map.of("groups", groups));
    }

    private void one(final Context ctx, final Principal principal) {
        final String group = ctx.pathParam("group");
        visibleGroup(principal, group);
        ctx.json(body(group, Params.flag(ctx, "per_host")));
    }

    private void visibleGroup(final Principal principal, final String group) {
        final Optional<GroupRegistration> registration = views.registration(group);
        if (registration.isEmpty() && !views.groupCounts().containsKey(group)) {
            throw ApiProblem.notFound("UNKNOWN_GROUP", "no device of group '" + group
                    + "' was ever reported and the group is not registered");
        }
        if (!GroupAccess.sees(principal, registration)) {
            throw ApiProblem.forbidden("group '" + group + "' is private to another tenant");
        }
    }

    private GroupBody body(final String group, final boolean perHost) {
        final GroupCount count = views.groupCounts().getOrDefault(group, GroupCount.ZERO);
        final io.pciledger.schemas.group.GroupRegistration registration = views.registrations().get(group);
        return new GroupBody(group, count.total(), count.available(), count.claimed(), count.unavailable(),
                count.lost(),
                registration == null ? "public" : registration.getVisibility().name().toLowerCase(java.util.Locale.ROOT),
                registration == null ? null : registration.getOwnerTenant(),
                registration == null ? null : registration.getDescription(),
                registration == null ? null : registration.getUpdatedAt(),
                perHost ? hostCounts(group) : null);
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
        registrar.register(principal, change);
        ctx.json(body(group, false));
    }

    private void unregister(final Context ctx, final Principal principal) throws Exception {
        final String group = ctx.pathParam("group");
        registrar.unregister(principal, group);
        ctx.status(204);
    }
}
