package io.pciledger.ledger.domain;

import io.pciledger.ledger.domain.LedgerEvent.ClaimConfirmed;
import io.pciledger.ledger.domain.LedgerEvent.ClaimExpired;
import io.pciledger.ledger.domain.LedgerEvent.ClaimRejected;
import io.pciledger.ledger.domain.LedgerEvent.DeviceAdded;
import io.pciledger.ledger.domain.LedgerEvent.DeviceLost;
import io.pciledger.ledger.domain.LedgerEvent.DeviceRemoved;
import io.pciledger.ledger.domain.LedgerEvent.DeviceUpdated;
import io.pciledger.ledger.domain.LedgerEvent.DevicesClaimed;
import io.pciledger.ledger.domain.LedgerEvent.DevicesReleased;
import io.pciledger.ledger.domain.LedgerEvent.HostMarkedStale;
import io.pciledger.ledger.domain.LedgerEvent.HostReturned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ledger of one host: its devices (free, claimed or lost, and by which claim), its live claims (live or
 * confirmed: holding devices), the groups it has ever had, whether it is stale, and the sequence number of its
 * next event; and, in its {@link ClaimArchive}, the claims that ended and the claim ids it refused, kept apart so
 * that the live state stays as small as what the host holds now, however long its history.
 *
 * <p>It is a fold of the host's events: {@link #apply(LedgerRecord)} is the only way it changes, live and on
 * replay, so replaying a host's ledger from the start gives exactly the live state (rule 7). Deciders
 * ({@link InventoryRules}, {@link ClaimDecider}, {@link ClaimLifecycle}, {@link LivenessRule}) only read it;
 * {@link #append(Decision, Cause)} numbers a decision's events and applies them.
 *
 * <p>{@code apply} refuses a record out of sequence or an event that does not fit the state (e.g. claiming a
 * device that is not free) with an {@link IllegalStateException} naming both, and leaves the ledger unchanged:
 * such a record means the ledger topic and the state have parted ways, which is a bug to surface, not to
 * paper over.
 *
 * <p>Not thread-safe: one stream task owns a host.
 */
public final class HostLedger {

    private final String host;
    private final SortedMap<String, LedgerDevice> devices = new TreeMap<>();
    private final SortedMap<String, Claim> liveClaims = new TreeMap<>();
    private final ClaimArchive archive;
    private final SortedSet<String> groupsSeen = new TreeSet<>();
    private Instant staleSince;
    private long nextSeq = 1;
    /** Derived from {@code devices}: built when first asked for, dropped when a device is added, updated or removed. */
    private DeviceFamilies families;

    private HostLedger(final String host, final ClaimArchive archive) {
        this.host = Objects.requireNonNull(host, "host");
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** The ledger of a host nothing has happened to yet, archiving in memory: what an unknown host starts as. */
    public static HostLedger empty(final String host) {
        return empty(host, new InMemoryClaimArchive());
    }

    /** The ledger of a host nothing has happened to yet, archiving ended claims and refusals in {@code archive}. */
    public static HostLedger empty(final String host, final ClaimArchive archive) {
        return new HostLedger(host, archive);
    }

    /** The ledger of {@code host} after {@code records}, applied from the start, archiving in memory. */
    public static HostLedger replay(final String host, final Iterable<LedgerRecord> records) {
        final HostLedger ledger = empty(host);
        for (final LedgerRecord record : records) {
            ledger.apply(record);
        }
        return ledger;
    }

    /**
     * A ledger rebuilt from its live parts, as a state store kept them, over the archive that holds its ended
     * claims and refusals. The parts must come from a ledger's accessors: nothing is re-checked.
     */
    public static HostLedger restore(
            final String host,
            final long nextSeq,
            final Instant staleSince,
            final Collection<LedgerDevice> devices,
            final Collection<Claim> liveClaims,
            final Collection<String> groupsSeen,
            final ClaimArchive archive) {
        final HostLedger ledger = empty(host, archive);
        ledger.nextSeq = nextSeq;
        ledger.staleSince = staleSince;
        devices.forEach(device -> ledger.devices.put(device.address(), device));
        liveClaims.forEach(claim -> ledger.liveClaims.put(claim.claimId(), claim));
        ledger.groupsSeen.addAll(groupsSeen);
        return ledger;
    }

    /**
     * Numbers the decision's events from {@link #nextSeq()}, stamps them with {@code cause}, applies them in
     * order and returns them as they are to be written.
     */
    public List<LedgerRecord> append(final Decision decision, final Cause cause) {
        final List<LedgerRecord> records = new ArrayList<>(decision.events().size());
        for (final LedgerEvent event : decision.events()) {
            final LedgerRecord record = new LedgerRecord(host, nextSeq, cause.at(), cause.id(), cause.actor(), event);
            apply(record);
            records.add(record);
        }
        return records;
    }

    /**
     * Applies one record: the next in this host's sequence.
     *
     * @throws IllegalStateException when the record is of another host, out of sequence, or its event does
     *                               not fit the state; the ledger is then unchanged
     */
    public void apply(final LedgerRecord record) {
        if (!record.host().equals(host)) {
            throw new IllegalStateException("record " + record.seq() + " of host " + record.host()
                    + " cannot be applied to the ledger of host " + host);
        }
        if (record.seq() != nextSeq) {
            throw new IllegalStateException("record " + record.seq() + " of host " + host + " is out of sequence: "
                    + "the next is " + nextSeq);
        }
        applyEvent(record.event(), record.seq(), record.timestamp());
        nextSeq++;
    }

    private void applyEvent(final LedgerEvent event, final long seq, final Instant at) {
        if (event instanceof DeviceAdded added) {
            deviceAdded(added.device());
        } else if (event instanceof DeviceUpdated updated) {
            deviceUpdated(updated.device(), updated.previous());
        } else if (event instanceof DeviceRemoved removed) {
            deviceRemoved(removed.address());
        } else if (event instanceof DeviceLost lost) {
            deviceLost(lost.address(), lost.claimId());
        } else if (event instanceof DevicesClaimed claimed) {
            devicesClaimed(claimed, seq);
        } else if (event instanceof ClaimRejected rejected) {
            claimRejected(rejected);
        } else if (event instanceof ClaimConfirmed confirmed) {
            claimConfirmed(confirmed.claimId(), seq);
        } else if (event instanceof DevicesReleased released) {
            claimEnded(released.claimId(), released.addresses(), ClaimStatus.RELEASED, seq);
        } else if (event instanceof ClaimExpired expired) {
            claimEnded(expired.claimId(), expired.addresses(), ClaimStatus.EXPIRED, seq);
        } else if (event instanceof HostMarkedStale) {
            if (staleSince != null) {
                throw doesNotFit("host is already stale", event);
            }
            staleSince = at;
        } else if (event instanceof HostReturned) {
            if (staleSince == null) {
                throw doesNotFit("host is not stale", event);
            }
            staleSince = null;
        } else {
            throw new IllegalArgumentException("unknown ledger event " + event);
        }
    }

    private void deviceAdded(final Device device) {
        final LedgerDevice existing = devices.get(device.address());
        if (existing == null) {
            devices.put(device.address(), LedgerDevice.free(device));
        } else {
            if (!(existing.status() == DeviceStatus.LOST && existing.holder() != null)) {
                throw doesNotFit("device " + device.address() + " is already on the host", device);
            }
            devices.put(device.address(), new LedgerDevice(device, DeviceStatus.CLAIMED, existing.holder()));
            liveClaims.computeIfPresent(existing.holder(), (id, claim) -> claim.withLost(device.address(), false));
        }
        families = null;
        groupsSeen.add(device.group());
    }

    private void deviceUpdated(final Device device, final Device previous) {
        final LedgerDevice existing = devices.get(device.address());
        if (!(existing != null && existing.status() != DeviceStatus.LOST && existing.device().equals(previous))) {
            throw doesNotFit("device " + device.address() + " is not present as " + previous, device);
        }
        devices.put(device.address(), existing.withDevice(device));
        families = null;
        groupsSeen.add(device.group());
    }

    private void deviceRemoved(final String address) {
        final LedgerDevice existing = devices.get(address);
        if (!(existing != null && existing.holder() == null)) {
            throw doesNotFit("device " + address + " is not on the host, or still held by a claim", address);
        }
        devices.remove(address);
        families = null;
    }

    private void deviceLost(final String address, final String claimId) {
        final LedgerDevice existing = devices.get(address);
        if (!(existing != null && existing.status() == DeviceStatus.CLAIMED && claimId.equals(existing.holder()))) {
            throw doesNotFit("device " + address + " is not claimed by " + claimId, address);
        }
        devices.put(address, existing.withStatus(DeviceStatus.LOST, claimId));
        liveClaims.computeIfPresent(claimId, (id, claim) -> claim.withLost(address, true));
    }

    private void devicesClaimed(final DevicesClaimed claimed, final long seq) {
        final String claimId = claimed.claimId();
        if (decided(claimId)) {
            throw doesNotFit("claim id " + claimId + " was already decided", claimed);
        }
        for (final ClaimedDevice device : claimed.devices()) {
            final LedgerDevice existing = devices.get(device.address());
            if (!(existing != null && existing.status() == DeviceStatus.FREE)) {
                throw doesNotFit("device " + device.address() + " is not free", claimed);
            }
        }
        for (final ClaimedDevice device : claimed.devices()) {
            devices.put(device.address(), devices.get(device.address()).withStatus(DeviceStatus.CLAIMED, claimId));
        }
        liveClaims.put(claimId, new Claim(claimId, claimed.tenant(), claimed.instance(), claimed.requestHash(),
                claimed.devices(), claimed.liveMigratable(), claimed.expiresAt(), ClaimStatus.LIVE,
                new TreeSet<>(), seq, 0, 0));
    }

    private void claimRejected(final ClaimRejected rejected) {
        final String claimId = rejected.claimId();
        if (decided(claimId)) {
            throw doesNotFit("claim id " + claimId + " was already decided", rejected);
        }
        archive.add(new RejectedClaim(claimId, rejected.tenant(), rejected.instance(),
                rejected.requestHash(), rejected.reason(), rejected.message()));
    }

    private void claimConfirmed(final String claimId, final long seq) {
        final Claim claim = liveClaims.get(claimId);
        if (!(claim != null && claim.status() == ClaimStatus.LIVE)) {
            throw doesNotFit("claim " + claimId + " is not live", claimId);
        }
        liveClaims.put(claimId, claim.confirmed(seq));
    }

    private void claimEnded(final String claimId, final List<String> addresses, final ClaimStatus endStatus,
            final long seq) {
        final Claim claim = liveClaims.get(claimId);
        if (!(claim != null && claim.status().holdsDevices())) {
            throw doesNotFit("claim " + claimId + " holds no devices", claimId);
        }
        // A claim holds exactly the devices it was granted: a held device is never removed, only lost.
        final SortedSet<String> held = new TreeSet<>(claim.addresses());
        if (!held.equals(new TreeSet<>(addresses))) {
            throw doesNotFit("claim " + claimId + " holds " + held + ", not " + addresses, claimId);
        }
        for (final String address : held) {
            final LedgerDevice device = devices.get(address);
            if (device == null || !claimId.equals(device.holder())) {
                throw doesNotFit("device " + address + " of claim " + claimId + " is not held by it", claimId);
            }
        }
        for (final String address : held) {
            final LedgerDevice device = devices.get(address);
            devices.put(address, device.status() == DeviceStatus.LOST
                    ? device.withStatus(DeviceStatus.LOST, null)
                    : device.withStatus(DeviceStatus.FREE, null));
        }
        liveClaims.remove(claimId);
        archive.add(claim.ended(endStatus, seq));
    }

    /** Whether {@code claimId} was ever granted or refused here. */
    private boolean decided(final String claimId) {
        return liveClaims.containsKey(claimId) || archive.endedClaim(claimId).isPresent()
                || archive.rejection(claimId).isPresent();
    }

    /** The refusal of an event that does not fit the state; its message is built only when it is thrown. */
    private IllegalStateException doesNotFit(final String problem, final Object subject) {
        return new IllegalStateException("cannot apply to the ledger of host " + host + " (" + subject + "): "
                + problem);
    }

    /** The host's name. */
    public String host() {
        return host;
    }

    /** The sequence number the next event of this host gets; 1 for a host with no history. */
    public long nextSeq() {
        return nextSeq;
    }

    /** Whether anything was ever recorded for this host. */
    public boolean hasHistory() {
        return nextSeq > 1;
    }

    /** Whether the host is marked stale (rule 8): it takes no new claims. */
    public boolean isStale() {
        return staleSince != null;
    }

    /** When the host was marked stale, while it is. */
    public Optional<Instant> staleSince() {
        return Optional.ofNullable(staleSince);
    }

    public Optional<LedgerDevice> device(final String address) {
        return Optional.ofNullable(devices.get(address));
    }

    /** Every device the ledger holds for the host, present or lost, by address. */
    public Collection<LedgerDevice> devices() {
        return Collections.unmodifiableCollection(devices.values());
    }

    /** Which device is whose parent PF and whose child VFs, as the devices are now. */
    DeviceFamilies families() {
        if (families == null) {
            families = DeviceFamilies.of(devices.values());
        }
        return families;
    }

    /** The devices that {@code claimId} holds (claimed or lost). */
    public List<LedgerDevice> heldBy(final String claimId) {
        return devices.values().stream().filter(device -> claimId.equals(device.holder())).toList();
    }

    /** The claim granted as {@code claimId}, live or ended (from the archive). */
    public Optional<Claim> claim(final String claimId) {
        final Claim live = liveClaims.get(claimId);
        return live != null ? Optional.of(live) : archive.endedClaim(claimId);
    }

    /** Every live claim (live or confirmed: holding devices) on the host, by claim id; ended ones are archived. */
    public Collection<Claim> liveClaims() {
        return Collections.unmodifiableCollection(liveClaims.values());
    }

    /** The refusal recorded for {@code claimId} (from the archive). */
    public Optional<RejectedClaim> rejection(final String claimId) {
        return archive.rejection(claimId);
    }

    /** Where the ledger keeps its ended claims and refusals. */
    public ClaimArchive archive() {
        return archive;
    }

    /** Whether the host has ever had a device of {@code group}. */
    public boolean hasSeenGroup(final String group) {
        return groupsSeen.contains(group);
    }

    /** Every group the host has ever had a device of, sorted. */
    public SortedSet<String> groupsSeen() {
        return Collections.unmodifiableSortedSet(groupsSeen);
    }

    /**
     * Two ledgers are equal when they hold the same state, live part and archive: what replay must reproduce.
     * Archives compare by their own {@code equals} ({@link InMemoryClaimArchive} by content), so compare ledgers
     * over in-memory archives.
     */
    @Override
    public boolean equals(final Object other) {
        return other instanceof HostLedger that
                && host.equals(that.host)
                && nextSeq == that.nextSeq
                && Objects.equals(staleSince, that.staleSince)
                && devices.equals(that.devices)
                && liveClaims.equals(that.liveClaims)
                && groupsSeen.equals(that.groupsSeen)
                && archive.equals(that.archive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, nextSeq, staleSince, devices, liveClaims, groupsSeen, archive);
    }

    @Override
    public String toString() {
        return "HostLedger[" + host + ", next seq " + nextSeq + (isStale() ? ", stale" : "") + ", "
                + devices.size() + " devices, " + liveClaims.size() + " live claims, " + archive + "]";
    }
}
