package io.pciledger.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One host driven through a {@link HostLedgerSession}, as the processor drives it: facts from its agent, commands
 * from an admin by default, a clock that moves only when told, every record kept.
 */
final class TestHost {

    static final String NAME = "compute-1";
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    private final HostLedgerSession session = HostLedgerSession.newHost(NAME);
    private final List<LedgerRecord> history = new ArrayList<>();
    private Instant now = START;
    private int causes;
    private GroupDirectory groups = GroupDirectory.empty();

    /** A host whose agent has reported these devices in a snapshot. */
    static TestHost with(final Device... devices) {
        final TestHost host = new TestHost();
        host.snapshot(devices);
        return host;
    }

    /**
     * A PF and its three VFs, all of group {@code net}: {@code c1} and {@code c2} hold a VF each as direct
     * ports, and {@code c2}'s VF ({@code 0000:3b:02.1}) has vanished. So one device of each standing: a free VF,
     * a claimed VF, a lost VF, and the PF blocked by them.
     */
    static TestHost pfWithVfsClaimedAndLost() {
        final TestHost host = with(Devices.pf("0000:3b:00.0", "net", 0),
                Devices.vf("0000:3b:02.0", "0000:3b:00.0", "net", 0),
                Devices.vf("0000:3b:02.1", "0000:3b:00.0", "net", 0),
                Devices.vf("0000:3b:02.2", "0000:3b:00.0", "net", 0));
        host.granted(Requests.claim("c1", RequestItem.port(VnicType.DIRECT, "net")));
        host.granted(Requests.claim("c2", RequestItem.port(VnicType.DIRECT, "net")));
        host.vanish("0000:3b:02.1");
        return host;
    }

    TestHost groups(final GroupDirectory directory) {
        groups = directory;
        return this;
    }

    List<LedgerRecord> report(final InventoryFact fact) {
        return kept(session.report(fact, new Cause("fact-" + ++causes, NAME, now)));
    }

    List<LedgerRecord> discover(final Device device) {
        return report(new InventoryFact.DeviceDiscovered(device));
    }

    List<LedgerRecord> vanish(final String address) {
        return report(new InventoryFact.DeviceVanished(address));
    }

    List<LedgerRecord> snapshot(final Device... devices) {
        return report(new InventoryFact.HostSnapshot(List.of(devices)));
    }

    List<LedgerRecord> heartbeat() {
        return report(new InventoryFact.AgentHeartbeat(session.ledger().devices().size()));
    }

    Answer handle(final Command command, final Requester requester) {
        final Answer answer = session.handle(command, requester, groups,
                new Cause("command-" + ++causes, requester.actor(), now));
        kept(answer.records());
        return answer;
    }

    Answer claim(final ClaimRequest request) {
        return handle(request, Requester.admin("ops"));
    }

    Granted granted(final ClaimRequest request) {
        final Answer answer = claim(request);
        assertThat(answer.outcome()).as("answer to %s", request.claimId()).isInstanceOf(Granted.class);
        return (Granted) answer.outcome();
    }

    Rejected rejected(final ClaimRequest request) {
        final Answer answer = claim(request);
        assertThat(answer.outcome()).as("answer to %s", request.claimId()).isInstanceOf(Rejected.class);
        return (Rejected) answer.outcome();
    }

    Answer confirm(final String claimId) {
        return handle(new ConfirmRequest(claimId), Requester.admin("ops"));
    }

    Answer release(final String claimId) {
        return handle(new ReleaseRequest(claimId, "instance deleted"), Requester.admin("ops"));
    }

    List<LedgerRecord> expire() {
        return kept(session.expire(Cause.byLedger("expiry-" + ++causes, now)));
    }

    List<LedgerRecord> checkLiveness(final Duration staleAfter) {
        return kept(session.checkLiveness(staleAfter, Cause.byLedger("liveness-" + ++causes, now)));
    }

    Optional<Instant> nextCheckDue(final Duration staleAfter) {
        return session.nextCheckDue(staleAfter);
    }

    void advance(final Duration duration) {
        now = now.plus(duration);
    }

    Instant now() {
        return now;
    }

    HostLedger ledger() {
        return session.ledger();
    }

    LedgerDevice device(final String address) {
        return session.ledger().device(address).orElseThrow();
    }

    Availability availability(final String address) {
        return Availability.of(session.ledger()).get(address);
    }

    HostGroupCounts counts() {
        return HostGroupCounts.of(session.ledger());
    }

    HostPools pools() {
        return HostPools.of(session.ledger());
    }

    List<LedgerRecord> history() {
        return List.copyOf(history);
    }

    static List<LedgerEvent> events(final List<LedgerRecord> records) {
        return records.stream().map(LedgerRecord::event).toList();
    }

    private List<LedgerRecord> kept(final List<LedgerRecord> records) {
        history.addAll(records);
        return records;
    }
}
