package io.pciledger.query.http;

import io.pciledger.ledger.query.InstanceEndpoint;
import io.pciledger.query.EmbeddedLedger;
import io.pciledger.query.claims.ClaimService;
import io.pciledger.query.groups.GroupRegistrar;
import io.pciledger.query.metrics.ServiceMetrics;
import io.pciledger.query.view.CloudViews;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Every route of the API, from the services that answer them: what {@link ApiServer} serves and openapi.json documents. */
public final class Api {

    /** How much longer a forwarded request may take than the instance answering it may wait itself. */
    private static final Duration FORWARD_MARGIN = Duration.ofSeconds(5);

    private Api() {
    }

    /**
     * @param self      this instance's {@code application.server}, known once the server has its port
     * @param readiness the named checks of {@code /readyz}
     * @param waiting   the threads requests wait on (forwarding, rebalances, positions, claim lookups), so the
     *                  server's own threads never do
     */
    public static List<Route> routes(final CloudViews views, final GroupRegistrar registrar, final ClaimService claims,
            final EmbeddedLedger ledger, final Supplier<InstanceEndpoint> self, final Duration readWait,
            final int candidatesLimit, final ServiceMetrics metrics, final Supplier<Map<String, Boolean>> readiness,
            final Executor waiting) {
        final WaitingRequests waits = new WaitingRequests(waiting);
        final Forwarder forwarder = new Forwarder(readWait.plus(FORWARD_MARGIN));
        final RoutedReads routed = new RoutedReads(ledger, self, forwarder, readWait, waits);
        // Javalin tries a method's routes in this order, one regular expression each, until one matches: the
        // hottest reads (a group's counts, candidates) come first.
        final List<Route> routes = new ArrayList<>();
        routes.addAll(new GroupsApi(views, registrar, waits).routes());
        routes.addAll(new CandidatesApi(views, candidatesLimit).routes());
        routes.addAll(new HostsApi(views, routed,
                claimId -> claims == null ? Optional.empty() : claims.placedHere(claimId)).routes());
        final RoutedPlacements placements = claims == null ? null : new RoutedPlacements(ledger, self, forwarder,
                readWait, claims.answerTimeout().plus(readWait).plus(FORWARD_MARGIN), waits);
        routes.addAll(new ClaimsApi(claims, views, routed, placements, waits, self).routes());
        routes.addAll(new OpsApi(readiness, metrics).routes());
        return List.copyOf(routes);
    }
}
