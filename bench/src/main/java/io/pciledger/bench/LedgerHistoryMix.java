package io.pciledger.bench;

import io.pciledger.ledger.domain.Answer;
import io.pciledger.ledger.domain.Cause;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ConfirmRequest;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.GroupDirectory;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostLedgerSession;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.ledger.domain.VnicType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A fleet's ledger history as the ledger writes it, decided by the ledger's own sessions
 * ({@link HostLedgerSession}), so every event is one the ledger could have written: first every host's devices are
 * discovered ({@link TypicalHost}, 64 each), then the fleet lives. Each step goes to a random host, which first
 * expires its claims past their time-to-live, then, by weight:
 *
 * <ul>
 *   <li>35 % a claim: one or two GPUs, a {@code direct} port, a GPU with two ports, a drive, or a whole PF (a third
 *       of them with a 10-minute time-to-live); refused when the host has too few devices left;</li>
 *   <li>20 % a confirmation of a claim not yet confirmed, 30 % a release of a live claim;</li>
 *   <li>8 % a driver rebound, 4 % a device vanishing (lost, if claimed), 3 % a vanished device coming back.</li>
 * </ul>
 * A step with nothing to act on (no claim to release, no device vanished) is a claim instead.
 *
 * <p>The ledger's clock moves half a second per step. The same seed gives the same history.
 */
final class LedgerHistoryMix {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMillis(500);
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final String VFIO = "vfio-pci";

    private final List<HostLife> hosts = new ArrayList<>();
    private final SplittableRandom random;
    private final Map<String, Long> census = new TreeMap<>();
    private Instant now = START;
    private long events;
    private long causes;

    /**
     * @param hostCount how many hosts, named as {@link TypicalHost#name} names them
     * @param seed      the random seed of the steps
     */
    LedgerHistoryMix(final int hostCount, final long seed) {
        for (int index = 0; index < hostCount; index++) {
            hosts.add(new HostLife(index));
        }
        random = new SplittableRandom(seed);
    }

    /** Writes at least {@code target} events to {@code sink} (a step's events are never split), in order. */
    void write(final long target, final Consumer<LedgerRecord> sink) {
        for (final HostLife host : hosts) {
            for (final Device device : TypicalHost.devices(host.index)) {
                if (events >= target) {
                    return;
                }
                emit(host.discover(device), sink);
            }
        }
        while (events < target) {
            now = now.plus(STEP);
            final HostLife host = hosts.get(random.nextInt(hosts.size()));
            emit(host.session.expire(Cause.byLedger("expiry@" + now, now)), sink);
            emit(host.step(), sink);
        }
    }

    private void emit(final List<LedgerRecord> records, final Consumer<LedgerRecord> sink) {
        for (final LedgerRecord record : records) {
            census.merge(record.event().getClass().getSimpleName(), 1L, Long::sum);
            events++;
            sink.accept(record);
        }
    }

    /** How many events of each type were written. */
    Map<String, Long> census() {
        return new LinkedHashMap<>(census);
    }

    long events() {
        return events;
    }

    /** Every host's ledger as the history left it, by host. */
    SortedMap<String, HostLedger> ledgers() {
        final SortedMap<String, HostLedger> ledgers = new TreeMap<>();
        hosts.forEach(host -> ledgers.put(host.name, host.session.ledger()));
        return ledgers;
    }

    private Cause cause(final String actor) {
        return new Cause("cause-" + ++causes, actor, now);
    }

    /** One host: its session, and what its agent and its tenants did so far, so that the next step makes sense. */
    private final class HostLife {

        private final int index;
        private final String name;
        private final String gpuGroup;
        private final HostLedgerSession session;
        private final Map<String, Device> published = new HashMap<>();
        private final Map<String, String> originalDrivers = new HashMap<>();
        private final List<String> present = new ArrayList<>();
        private final List<String> vanished = new ArrayList<>();
        private final List<String> unconfirmed = new ArrayList<>();
        private final List<String> live = new ArrayList<>();
        private int claims;

        HostLife(final int index) {
            this.index = index;
            this.name = TypicalHost.name(index);
            this.gpuGroup = TypicalHost.gpuGroup(index);
            this.session = HostLedgerSession.newHost(name);
        }

        List<LedgerRecord> discover(final Device device) {
            published.put(device.address(), device);
            originalDrivers.putIfAbsent(device.address(), device.driver());
            present.add(device.address());
            return session.report(new InventoryFact.DeviceDiscovered(device), cause(name));
        }

        List<LedgerRecord> step() {
            forgetEndedClaims();
            final int roll = random.nextInt(100);
            if (roll < 35) {
                return claim();
            } else if (roll < 55) {
                return unconfirmed.isEmpty() ? claim() : confirm(take(unconfirmed));
            } else if (roll < 85) {
                return live.isEmpty() ? claim() : release(live.get(random.nextInt(live.size())));
            } else if (roll < 93) {
                return present.isEmpty() ? claim() : rebind(present.get(random.nextInt(present.size())));
            } else if (roll < 97) {
                return present.isEmpty() ? claim() : vanish(take(present));
            }
            return vanished.isEmpty() ? claim() : comeBack(take(vanished));
        }

        private List<LedgerRecord> claim() {
            final String claimId = name + ":c" + ++claims;
            final String tenant = "tenant-" + random.nextInt(20);
            final ClaimRequest request = new ClaimRequest(claimId, tenant, "vm-" + claimId, items(random.nextInt(10)),
                    false, random.nextInt(3) == 0 ? TTL : null);
            final Answer answer = session.handle(request, Requester.admin("nova"), GroupDirectory.empty(),
                    cause(tenant));
            if (session.ledger().liveClaims().stream().anyMatch(claim -> claim.claimId().equals(claimId))) {
                live.add(claimId);
                unconfirmed.add(claimId);
            }
            return answer.records();
        }

        private List<RequestItem> items(final int template) {
            return switch (template) {
                case 0, 1, 2 -> List.of(RequestItem.devices(gpuGroup, 1));
                case 3 -> List.of(RequestItem.devices(gpuGroup, 2));
                case 4, 5 -> List.of(RequestItem.port(VnicType.DIRECT, TypicalHost.PHYSNET));
                case 6 -> List.of(RequestItem.devices(gpuGroup, 1), RequestItem.port(VnicType.DIRECT, TypicalHost.PHYSNET),
                        RequestItem.port(VnicType.DIRECT, TypicalHost.PHYSNET));
                case 7, 8 -> List.of(RequestItem.devices(TypicalHost.NVME, 1));
                default -> List.of(RequestItem.port(VnicType.DIRECT_PHYSICAL, TypicalHost.PHYSNET));
            };
        }

        private List<LedgerRecord> confirm(final String claimId) {
            return session.handle(new ConfirmRequest(claimId), Requester.admin("nova"), GroupDirectory.empty(),
                    cause("nova")).records();
        }

        private List<LedgerRecord> release(final String claimId) {
            live.remove(claimId);
            unconfirmed.remove(claimId);
            return session.handle(new ReleaseRequest(claimId, "instance deleted"), Requester.admin("nova"),
                    GroupDirectory.empty(), cause("nova")).records();
        }

        private List<LedgerRecord> rebind(final String address) {
            final Device device = published.get(address);
            final String original = originalDrivers.get(address);
            final String alternative = VFIO.equals(original) ? null : VFIO;
            final Device rebound = new Device(device.address(), device.vendorId(), device.productId(),
                    device.classCode(), device.devType(), device.parentAddr(), device.numaNode(), device.ifname(),
                    Objects.equals(device.driver(), original) ? alternative : original, device.group(),
                    device.tags());
            published.put(address, rebound);
            return session.report(new InventoryFact.DeviceDiscovered(rebound), cause(name));
        }

        private List<LedgerRecord> comeBack(final String address) {
            present.add(address);
            return session.report(new InventoryFact.DeviceDiscovered(published.get(address)), cause(name));
        }

        private List<LedgerRecord> vanish(final String address) {
            vanished.add(address);
            return session.report(new InventoryFact.DeviceVanished(address), cause(name));
        }

        /** Claims that expired are no longer the tenants' to confirm or release. */
        private void forgetEndedClaims() {
            if (live.size() != session.ledger().liveClaims().size()) {
                live.retainAll(session.ledger().liveClaims().stream().map(claim -> claim.claimId()).toList());
                unconfirmed.retainAll(live);
            }
        }

        private String take(final List<String> addresses) {
            final int at = random.nextInt(addresses.size());
            final String taken = addresses.get(at);
            addresses.set(at, addresses.get(addresses.size() - 1));
            addresses.remove(addresses.size() - 1);
            return taken;
        }
    }
}
