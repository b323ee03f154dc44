package io.pciledger.ledger.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.ConfirmRequest;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.GroupRegistration;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.NumaPolicy;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.ledger.domain.VnicType;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Every payload type goes domain → Avro → bytes (the topic's serde) → Avro → domain and comes back equal, so
 * the topology writes what the domain decided and reads what the agents and the query service sent.
 */
class AvroRoundTripTest {

    private static final String HOST = "compute-1";
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00.123Z");
    private static final Device PF = new Device("0000:3b:00.0", "8086", "1592", "020000", DevType.TYPE_PF, null, 0,
            "ens1f0", "ice", "physnet-a", Map.of("physical_network", "physnet-a"));
    private static final Device VF = new Device("0000:3b:02.1", "8086", "1889", "020000", DevType.TYPE_VF,
            "0000:3b:00.0", null, null, "iavf", "physnet-a", Map.of());
    private static final ClaimedDevice CLAIMED = new ClaimedDevice("0000:3b:02.1", "physnet-a", DevType.TYPE_VF,
            VnicType.DIRECT, 0, "0000:3b:00.0", 1);
    private static final ClaimedDevice GPU = new ClaimedDevice("0000:af:00.0", "gpu", DevType.TYPE_PCI, null, null,
            null, 0);

    @Test
    void everyInventoryFactSurvives() {
        for (final InventoryFact fact : List.of(new InventoryFact.DeviceDiscovered(PF),
                new InventoryFact.DeviceVanished(VF.address()), new InventoryFact.HostSnapshot(List.of(PF, VF)),
                new InventoryFact.HostSnapshot(List.of()), new InventoryFact.AgentHeartbeat(7))) {
            final var avro = viaBytes(InventoryFacts.toAvro("fact-1", HOST, AT, fact), Topics.INVENTORY.valueSerde());
            assertThat(InventoryFacts.toDomain(avro)).isEqualTo(fact);
            assertThat(avro.getFactId()).isEqualTo("fact-1");
        }
    }

    @Test
    void everyCommandAndItsRequesterSurvive() {
        final ClaimRequest claim = new ClaimRequest("c-42", "acme", "vm-7",
                List.of(RequestItem.port(VnicType.DIRECT, "physnet-a").onNumaNode(0, NumaPolicy.REQUIRED),
                        RequestItem.normalPort(), RequestItem.devices("gpu", 2)), true, Duration.ofMinutes(5));
        for (final Command command : List.of(claim, claim.withTtl(null).allowingNonMigratable(false),
                new ConfirmRequest("c-42"), new ReleaseRequest("c-42", "instance deleted"),
                new ReleaseRequest("c-42", null))) {
            final Requester requester = Requester.tenant("acme");
            final var avro = viaBytes(Commands.toAvro("cmd-1", HOST, AT, requester, command),
                    Topics.COMMANDS.valueSerde());
            assertThat(Commands.toDomain(avro)).isEqualTo(command);
            assertThat(Commands.requester(avro)).isEqualTo(requester);
        }
    }

    @Test
    void everyLedgerEventSurvives() {
        final List<LedgerEvent> events = List.of(
                new LedgerEvent.DeviceAdded(PF),
                new LedgerEvent.DeviceUpdated(VF.withGroup("physnet-b"), VF),
                new LedgerEvent.DeviceRemoved(VF.address(), "physnet-a"),
                new LedgerEvent.DeviceLost(VF.address(), "physnet-a", "c-42"),
                new LedgerEvent.DevicesClaimed("c-42", "acme", "vm-7", "hash", List.of(CLAIMED, GPU), false, AT),
                new LedgerEvent.DevicesClaimed("c-43", "acme", "vm-8", "hash", List.of(GPU), true, null),
                new LedgerEvent.ClaimRejected("c-44", "acme", "vm-9", "hash", RejectReason.INSUFFICIENT_DEVICES,
                        "only 1 free"),
                new LedgerEvent.ClaimConfirmed("c-42"),
                new LedgerEvent.DevicesReleased("c-42", List.of(VF.address()), "instance deleted"),
                new LedgerEvent.DevicesReleased("c-43", List.of(), null),
                new LedgerEvent.ClaimExpired("c-42", List.of(VF.address(), GPU.address())),
                new LedgerEvent.HostMarkedStale(AT),
                new LedgerEvent.HostReturned(AT));
        long seq = 1;
        for (final LedgerEvent event : events) {
            final LedgerRecord record = new LedgerRecord(HOST, seq++, AT, "cause-1", "acme", event);
            assertThat(LedgerEvents.toDomain(viaBytes(LedgerEvents.toAvro(record), Topics.LEDGER.valueSerde())))
                    .isEqualTo(record);
        }
    }

    @Test
    void everyOutcomeSurvives() {
        for (final CommandOutcome outcome : List.of(
                new CommandOutcome.Granted(List.of(CLAIMED, GPU), false, 12, AT),
                new CommandOutcome.Granted(List.of(GPU), true, 13, null),
                new CommandOutcome.Rejected(RejectReason.NON_MIGRATABLE_MIX, "direct with macvtap"),
                new CommandOutcome.Confirmed(14),
                new CommandOutcome.Released(List.of(VF.address()), true, 15),
                new CommandOutcome.Released(List.of(), false, 16))) {
            final var avro = viaBytes(ClaimResults.toAvro("c-42", "cmd-1", HOST, AT, outcome),
                    Topics.CLAIM_RESULTS.valueSerde());
            assertThat(ClaimResults.toDomain(avro)).isEqualTo(outcome);
        }
    }

    @Test
    void hostPoolsSurvive() {
        final HostPools pools = new HostPools(HOST, true, List.of(new Pool("gpu", DevType.TYPE_PCI, null, 2, 0),
                new Pool("physnet-a", DevType.TYPE_VF, 0, 4, 3)));

        final var avro = viaBytes(HostPoolRecords.toAvro(pools, AT, AT), Topics.HOST_POOLS.valueSerde());

        assertThat(HostPoolRecords.toDomain(avro)).isEqualTo(pools);
        assertThat(avro.getLastSeen()).isEqualTo(AT);
    }

    @Test
    void groupRegistrationsSurviveAndADeletionMarkerMeansUnregistered() {
        for (final GroupRegistration registration : List.of(GroupRegistration.privateGroup("gpu", "acme"),
                GroupRegistration.publicGroup("physnet-a", null))) {
            final var avro = viaBytes(GroupRegistrations.toAvro(registration, AT, "admin"),
                    Topics.GROUPS.valueSerde());
            assertThat(GroupRegistrations.toDomain(avro)).contains(registration);
            avro.setDeleted(true);
            assertThat(GroupRegistrations.toDomain(avro)).isEmpty();
        }
    }

    @Test
    void groupCountsAndTheirChangesSurvive() {
        for (final GroupCount count : List.of(new GroupCount(5, 1, 2, 1, 1), new GroupCount(-1, 0, -1, 1, -1))) {
            final var avro = viaBytes(GroupCountRecords.toAvro("gpu", count, AT), Topics.GROUP_COUNTS.valueSerde());
            assertThat(GroupCountRecords.toDomain(avro)).isEqualTo(count);
        }
    }

    @Test
    void anEnumSymbolTheDomainLacksReadsAsUnknown() {
        assertThat(CommonRecords.byName(Thread.State.BLOCKED, DevType.class)).isEqualTo(DevType.UNKNOWN);
        assertThat(CommonRecords.byName(null, DevType.class)).isNull();
    }

    private static <T extends SpecificRecord> T viaBytes(final T record,
            final org.apache.kafka.common.serialization.Serde<T> serde) {
        final byte[] bytes = serde.serializer().serialize("topic", record);
        return serde.deserializer().deserialize("topic", bytes);
    }
}
