package io.pciledger.query.http;

import io.javalin.http.Context;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.query.auth.GroupAccess;
import io.pciledger.query.auth.Principal;
import io.pciledger.query.candidates.Candidate;
import io.pciledger.query.candidates.CandidateFinder;
import io.pciledger.query.view.CloudViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/candidates}: the hosts that can satisfy a request, best first ({@link CandidateFinder}), from the
 * committed host pools this instance holds. The request is given as query parameters, in one of two forms:
 * <ul>
 *   <li>items: {@code item=GROUP:COUNT} and {@code port=VNIC_TYPE:GROUP}, each repeatable;</li>
 *   <li>Nova's flavor form: {@code alias=NAME:COUNT[,NAME:COUNT...]};</li>
 * </ul>
 * with an optional {@code numa_node} and {@code numa_policy} that apply to every item. {@code limit} caps the
 * answer.
 */
final class CandidatesApi {

    private final CloudViews views;
    private final int defaultLimit;

    CandidatesApi(final CloudViews views, final int defaultLimit) {
        this.views = views;
        this.defaultLimit = defaultLimit;
    }

    List<Route> routes() {
        return List.of(Route.get("/v1/candidates", Access.READ, this::candidates));
    }

    /** One candidate host. */
    record CandidateBody(String host, Map<String, Integer> free, int numaMisfits) {
    }

    private void candidates(final Context ctx, final Principal principal) {
        final List<RequestItem> items = items(ctx);
        for (final RequestItem item : items) {
            if (item.group() != null && !GroupAccess.sees(principal, views.registration(item.group()))) {
                throw ApiProblem.forbidden("group '" + item.group() + "' is private to another tenant");
            }
        }
        final int limit = Params.intParam(ctx, "limit", defaultLimit, 1, 10_000);
        final List<Candidate> found = CandidateFinder.find(items, views.fleetPools(), limit);
        ctx.json(Map.of("candidates", found.stream()
                .map(candidate -> new CandidateBody(candidate.host(), candidate.freeByGroup(),
                        candidate.numaMisfits()))
                .toList()));
    }

    private static List<RequestItem> items(final Context ctx) {
        final Integer numaNode = ctx.queryParam("numa_node") == null ? null
                : Params.intParam(ctx, "numa_node", 0, 0, 1023);
        final String numaPolicy = ctx.queryParam("numa_policy");
        final List<ItemBody> bodies = new ArrayList<>();
        for (final String item : ctx.queryParams("item")) {
            final String[] groupAndCount = item.split(":", -1);
            if (groupAndCount.length != 2) {
                throw ApiProblem.badRequest("item '" + item + "' is not GROUP:COUNT");
            }
            try {
                bodies.add(new ItemBody(groupAndCount[0], Integer.parseInt(groupAndCount[1]), null, numaNode,
                        numaPolicy));
            } catch (final NumberFormatException notACount) {
                throw ApiProblem.badRequest("item '" + item + "': the count must be a whole number");
            }
        }
        for (final String port : ctx.queryParams("port")) {
            final String[] vnicAndGroup = port.split(":", -1);
            if (vnicAndGroup.length != 2) {
                throw ApiProblem.badRequest("port '" + port + "' is not VNIC_TYPE:GROUP");
            }
            bodies.add(new ItemBody(vnicAndGroup[1], null, vnicAndGroup[0], numaNode, numaPolicy));
        }
        final String alias = ctx.queryParam("alias");
        if (alias != null && !bodies.isEmpty()) {
            throw ApiProblem.badRequest("give either item/port parameters or 'alias', not both");
        }
        if (alias != null) {
            ClaimBody.aliasItems(alias).forEach(item ->
                    bodies.add(new ItemBody(item.group(), item.count(), null, numaNode, numaPolicy)));
        }
        final List<RequestItem> items = ClaimBody.requestItems(bodies, null);
        for (final RequestItem item : items) {
            if (item.takesDevices() && item.count() < 1) {
                throw ApiProblem.badRequest("a count must be at least 1, not " + item.count());
            }
        }
        return items;
    }
}
