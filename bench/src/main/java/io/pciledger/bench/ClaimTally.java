package io.pciledger.bench;

import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.schemas.result.ClaimResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What claim clients got: the granted claims, the refusals by reason, the latency of every answer, and the
 * answers still to come for the releases they sent. One client fills its own; {@link #plus} merges them.
 */
final class ClaimTally {

    private final List<String> granted = new ArrayList<>();
    private final Map<RejectReason, Integer> rejected = new EnumMap<>(RejectReason.class);
    private final List<Double> latenciesMs = new ArrayList<>();
    private final List<CompletableFuture<ClaimResult>> releases = new ArrayList<>();

    void granted(final String claimId, final double latencyMs) {
        granted.add(claimId);
        latenciesMs.add(latencyMs);
    }

    /** A release sent, its committed answer to come. */
    void released(final CompletableFuture<ClaimResult> release) {
        releases.add(release);
    }

    void rejected(final RejectReason reason, final double latencyMs) {
        rejected.merge(reason, 1, Integer::sum);
        latenciesMs.add(latencyMs);
    }

    ClaimTally plus(final ClaimTally other) {
        final ClaimTally sum = new ClaimTally();
        for (final ClaimTally part : List.of(this, other)) {
            sum.granted.addAll(part.granted);
            part.rejected.forEach((reason, count) -> sum.rejected.merge(reason, count, Integer::sum));
            sum.latenciesMs.addAll(part.latenciesMs);
            sum.releases.addAll(part.releases);
        }
        return sum;
    }

    List<String> grantedClaims() {
        return List.copyOf(granted);
    }

    int grantedCount() {
        return granted.size();
    }

    Map<RejectReason, Integer> rejected() {
        return Map.copyOf(rejected);
    }

    long rejectedCount() {
        return rejected.values().stream().mapToLong(Integer::longValue).sum();
    }

    List<Double> latenciesMs() {
        return List.copyOf(latenciesMs);
    }

    List<CompletableFuture<ClaimResult>> releases() {
        return List.copyOf(releases);
    }
}
