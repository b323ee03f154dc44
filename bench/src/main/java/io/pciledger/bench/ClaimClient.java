package io.pciledger.bench;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.ledger.domain.VnicType;
import io.pciledger.schemas.result.ClaimResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client of the claim path, in a closed loop: it asks a random host for one {@code direct} port on
 * {@code physnet1} or {@code physnet2} (a VF), waits for the committed result, releases a granted claim without
 * waiting for that answer (so the hosts never run out) unless it keeps its grants, and asks again, {@code claims}
 * times.
 */
final class ClaimClient implements Callable<ClaimTally> {

    static final String TENANT = "bench";
    /** The groups a client asks for a VF of, in turn. */
    static final List<String> GROUPS = List.of("physnet1", "physnet2");

    private final String name;
    private final CommandChannel channel;
    private final List<String> hosts;
    private final int claims;
    private final SplittableRandom random;
    private final Duration answerTimeout;
    private final boolean releaseGrants;

    /**
     * @param name names its claims ({@code <name>-<n>}): unique among all clients of a ledger
     */
    ClaimClient(final String name, final CommandChannel channel, final List<String> hosts, final int claims,
            final long seed, final Duration answerTimeout, final boolean releaseGrants) {
        this.name = name;
        this.channel = channel;
        this.hosts = List.copyOf(hosts);
        this.claims = claims;
        this.random = new SplittableRandom(seed);
        this.answerTimeout = answerTimeout;
        this.releaseGrants = releaseGrants;
    }

    @Override
    public ClaimTally call() throws Exception {
        final ClaimTally tally = new ClaimTally();
        final Requester requester = Requester.tenant(TENANT);
        for (int n = 0; n < claims; n++) {
            final String host = hosts.get(random.nextInt(hosts.size()));
            final String claimId = name + "-" + n;
            final ClaimRequest request = new ClaimRequest(claimId, TENANT, "vm-" + claimId,
                    List.of(RequestItem.port(VnicType.DIRECT, GROUPS.get(n % GROUPS.size()))), false, null);
            final long sent = System.nanoTime();
            final ClaimResult result = await(channel.send(Commands.toAvro("claim/" + claimId, host, Instant.now(),
                    requester, request)), claimId);
            final double latencyMs = (System.nanoTime() - sent) / 1e6;
            final CommandOutcome outcome = ClaimResults.toDomain(result);
            if (outcome instanceof CommandOutcome.Granted) {
                tally.granted(claimId, latencyMs);
                if (releaseGrants) {
                    tally.released(channel.send(Commands.toAvro("release/" + claimId, host, Instant.now(),
                            requester, new ReleaseRequest(claimId, "bench: instance deleted"))));
                }
            } else if (outcome instanceof CommandOutcome.Rejected rejected) {
                tally.rejected(rejected.reason(), latencyMs);
            } else {
                throw new IllegalStateException("claim " + claimId + " was answered " + outcome);
            }
        }
        return tally;
    }

    private ClaimResult await(final CompletableFuture<ClaimResult> answer, final String claimId) throws Exception {
        try {
            return answer.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no committed result for claim " + claimId + " within " + answerTimeout, e);
        }
    }
}
