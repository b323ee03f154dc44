package io.pciledger.ledger.replay;

import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The fleet's ledgers rebuilt from ledger records, host by host, as far as a {@link ReplayCut} admits: each record
 * is applied to its host's {@link HostLedger} with {@link HostLedger#apply}, the ledger's own and only way to
 * change, so the state replayed is the state the ledger had (rule 7). Records may come interleaved across hosts,
 * each host's in sequence (as a partition of {@code pci.ledger} holds them).
 *
 * <p>A record the cut does not admit ends its host's replay; so does a record that cannot be decoded or does not
 * apply, which is kept as a {@link ReplayProblem}. Later records of that host are passed over.
 *
 * <p>Not thread-safe: one reader feeds it.
 */
public final class FleetFold {

    private final ReplayCut cut;
    private final BiConsumer<LedgerRecord, HostLedger> onApplied;
    private final Map<String, HostReplay> hosts = new HashMap<>();
    private final List<ReplayProblem> problems = new ArrayList<>();
    private long applied;

    /** A fold up to {@code cut}. */
    public FleetFold(final ReplayCut cut) {
        this(cut, (record, ledger) -> { });
    }

    /**
     * A fold up to {@code cut} that tells {@code onApplied} of each record applied, with its host's ledger just
     * after it.
     */
    public FleetFold(final ReplayCut cut, final BiConsumer<LedgerRecord, HostLedger> onApplied) {
        this.cut = Objects.requireNonNull(cut, "cut");
        this.onApplied = Objects.requireNonNull(onApplied, "onApplied");
    }

    /** Whether records of {@code host} are still wanted: false once its replay has ended. */
    public boolean wants(final String host) {
        final HostReplay replay = hosts.get(host);
        return replay == null || !replay.ended;
    }

    /**
     * Applies {@code record} to its host's ledger, unless that host's replay has ended or the cut ends it here.
     *
     * @param source where records come from, e.g. a topic partition {@code pci.ledger-3}, and
     * @param offset the record's position there: both name the record in a {@link ReplayProblem}
     */
    public void accept(final LedgerRecord record, final String source, final long offset) {
        final HostReplay replay = hosts.computeIfAbsent(record.host(), HostReplay::new);
        if (replay.ended) {
            return;
        }
        if (!cut.admits(record.host(), record.seq(), record.timestamp())) {
            replay.ended = true;
            return;
        }
        try {
            replay.ledger.apply(record);
        } catch (final IllegalStateException | IllegalArgumentException doesNotFit) {
            fail(replay, source, offset, doesNotFit.getMessage());
            return;
        }
        applied++;
        onApplied.accept(record, replay.ledger);
    }

    /** Ends the replay of {@code host} at a record that could not be decoded. */
    public void undecodable(final String host, final String source, final long offset, final String reason) {
        final HostReplay replay = hosts.computeIfAbsent(host == null ? "(no key)" : host, HostReplay::new);
        if (!replay.ended) {
            fail(replay, source, offset, reason);
        }
    }

    private void fail(final HostReplay replay, final String source, final long offset, final String reason) {
        replay.ended = true;
        problems.add(new ReplayProblem(replay.ledger.host(), source + "@" + offset, reason));
    }

    /** How many records were applied so far. */
    public long applied() {
        return applied;
    }

    /** The fleet as replayed so far: every host with at least one event applied. */
    public FleetState state() {
        final SortedMap<String, HostLedger> ledgers = new TreeMap<>();
        hosts.forEach((host, replay) -> {
            if (replay.ledger.hasHistory()) {
                ledgers.put(host, replay.ledger);
            }
        });
        return new FleetState(ledgers, problems, applied);
    }

    /** One host's replay: its ledger so far, and whether it has ended. */
    private static final class HostReplay {

        private final HostLedger ledger;
        private boolean ended;

        HostReplay(final String host) {
            this.ledger = HostLedger.empty(host);
        }
    }
}
