package io.pciledger.schemas;

import io.pciledger.schemas.command.ClaimCommand;
import io.pciledger.schemas.command.Command;
import io.pciledger.schemas.command.ConfirmCommand;
import io.pciledger.schemas.command.ReleaseCommand;
import io.pciledger.schemas.common.ActorRole;
import io.pciledger.schemas.common.ClaimedDevice;
import io.pciledger.schemas.common.DevType;
import io.pciledger.schemas.common.Device;
import io.pciledger.schemas.common.NumaPolicy;
import io.pciledger.schemas.common.RejectReason;
import io.pciledger.schemas.common.RequestItem;
import io.pciledger.schemas.common.VnicType;
import io.pciledger.schemas.deadletter.DeadLetter;
import io.pciledger.schemas.derived.GroupCounts;
import io.pciledger.schemas.derived.HostPools;
import io.pciledger.schemas.derived.Pool;
import io.pciledger.schemas.group.GroupRegistration;
import io.pciledger.schemas.group.Visibility;
import io.pciledger.schemas.inventory.AgentHeartbeat;
import io.pciledger.schemas.inventory.DeviceDiscovered;
import io.pciledger.schemas.inventory.DeviceVanished;
import io.pciledger.schemas.inventory.HostSnapshot;
import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.inventory.SnapshotReason;
import io.pciledger.schemas.ledger.ClaimConfirmed;
import io.pciledger.schemas.ledger.ClaimExpired;
import io.pciledger.schemas.ledger.ClaimRejected;
import io.pciledger.schemas.ledger.DeviceAdded;
import io.pciledger.schemas.ledger.DeviceLost;
import io.pciledger.schemas.ledger.DeviceRemoved;
import io.pciledger.schemas.ledger.DeviceUpdated;
import io.pciledger.schemas.ledger.DevicesClaimed;
import io.pciledger.schemas.ledger.DevicesReleased;
import io.pciledger.schemas.ledger.HostMarkedStale;
import io.pciledger.schemas.ledger.HostReturned;
import io.pciledger.schemas.ledger.LedgerEvent;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.result.Confirmed;
import io.pciledger.schemas.result.Granted;
import io.pciledger.schemas.result.Rejected;
import io.pciledger.schemas.result.Released;
import io.pciledger.schemas.topic.TopicDefinition;
import io.pciledger.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One record of every event type of every topic: each union branch of each envelope at least once. */
public final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** A record together with the topic it belongs on. */
    public record Sample(TopicDefinition<?> topic, String key, SpecificRecord value) {
    }

    private SampleEvents() {
    }

    public static Device vf(final String address, final String parent) {
        return Device.newBuilder()
                .setAddress(address).setVendorId("8086").setProductId("154c").setClassCode("020000")
                .setDevType(DevType.TYPE_VF).setParentAddr(parent).setNumaNode(0)
                .setIfname(null).setDriver("iavf").setGroup("physnet1-vf")
                .setTags(Map.of("physical_network", "physnet1"))
                .build();
    }

    public static Device gpu(final String address) {
        return Device.newBuilder()
                .setAddress(address).setVendorId("10de").setProductId("20b5").setClassCode("030200")
                .setDevType(DevType.TYPE_PCI).setNumaNode(null).setDriver("vfio-pci").setGroup("gpu-a100")
                .build();
    }

    public static List<InventoryFact> inventoryFacts() {
        return List.of(
                fact("f-1", new DeviceDiscovered(vf("0000:3b:02.0", "0000:3b:00.0"))),
                fact("f-2", new DeviceVanished("0000:3b:02.1")),
                fact("f-3", new HostSnapshot(List.of(vf("0000:3b:02.0", "0000:3b:00.0"), gpu("0000:af:00.0")),
                        SnapshotReason.STARTUP)),
                fact("f-4", new AgentHeartbeat(2)));
    }

    public static List<Command> commands() {
        final RequestItem port = RequestItem.newBuilder().setGroup("physnet1-vf").setCount(1)
                .setVnicType(VnicType.DIRECT).setNumaNode(0).setNumaPolicy(NumaPolicy.PREFERRED).build();
        final RequestItem gpus = RequestItem.newBuilder().setGroup("gpu-a100").setCount(2).build();
        return List.of(
                command("c-1", new ClaimCommand("claim-1", "tenant-a", "vm-1", null, List.of(port, gpus), false, 60_000L)),
                command("c-2", new ConfirmCommand("claim-1")),
                command("c-3", new ReleaseCommand("claim-1", "instance deleted")));
    }

    public static List<LedgerEvent> ledgerEvents() {
        final ClaimedDevice claimed = claimedVf();
        final List<Object> payloads = List.of(
                new DeviceAdded(gpu("0000:af:00.0")),
                new DeviceUpdated(vf("0000:3b:02.0", "0000:3b:00.0"), gpu("0000:3b:02.0")),
                new DeviceRemoved("0000:af:00.0", "gpu-a100"),
                new DeviceLost("0000:3b:02.0", "physnet1-vf", "claim-1"),
                new DevicesClaimed("claim-1", "tenant-a", "vm-1", "sha256:1f2e", List.of(claimed), false, T0.plusSeconds(60)),
                new ClaimRejected("claim-3", "tenant-b", "vm-3", "sha256:77aa", RejectReason.INSUFFICIENT_DEVICES,
                        "2 devices of group gpu-a100 requested, 1 available on compute-1"),
                new ClaimConfirmed("claim-1"),
                new DevicesReleased("claim-1", List.of("0000:3b:02.0"), "instance deleted"),
                new ClaimExpired("claim-2", List.of("0000:3b:02.1")),
                new HostMarkedStale(T0.minusSeconds(300)),
                new HostReturned(T0.minusSeconds(100)));
        final List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(LedgerEvent.newBuilder().setHost("compute-1").setSeq(i + 1L).setTimestamp(T0.plusMillis(i))
                    .setCauseId("c-" + i).setActor(i % 2 == 0 ? "compute-1" : "tenant-a").setPayload(payloads.get(i))
                    .build());
        }
        return events;
    }

    public static List<ClaimResult> claimResults() {
        return List.of(
                result("c-1", new Granted(List.of(claimedVf()), false, 5L, T0.plusSeconds(60))),
                result("c-9", new Rejected(RejectReason.NON_MIGRATABLE_MIX, "direct and macvtap ports on one instance")),
                result("c-2", new Confirmed(6L)),
                result("c-3", new Released(List.of("0000:3b:02.0"), false, 7L)));
    }

    public static List<Sample> all() {
        final List<Sample> samples = new ArrayList<>();
        inventoryFacts().forEach(fact -> samples.add(new Sample(Topics.INVENTORY, fact.getHost(), fact)));
        commands().forEach(command -> samples.add(new Sample(Topics.COMMANDS, command.getHost(), command)));
        ledgerEvents().forEach(event -> samples.add(new Sample(Topics.LEDGER, event.getHost(), event)));
        claimResults().forEach(result -> samples.add(new Sample(Topics.CLAIM_RESULTS, result.getClaimId(), result)));
        samples.add(new Sample(Topics.GROUP_COUNTS, "gpu-a100", new GroupCounts("gpu-a100", 10, 6, 3, 1, 0, T0)));
        samples.add(new Sample(Topics.HOST_POOLS, "compute-1", new HostPools("compute-1", false, T0,
                List.of(new Pool("physnet1-vf", DevType.TYPE_VF, 0, 64, 63), new Pool("gpu-a100", DevType.TYPE_PCI, null, 2, 2)),
                T0)));
        samples.add(new Sample(Topics.GROUPS, "gpu-a100", new GroupRegistration("gpu-a100", "tenant-a",
                Visibility.PRIVATE, "A100s for the ML team", false, T0, "admin")));
        samples.add(new Sample(Topics.DEAD_LETTERS, "pci.inventory", new DeadLetter("pci.inventory", 3, 42L,
                ByteBuffer.wrap("compute-1".getBytes()), ByteBuffer.wrap(new byte[] {1, 2, 3}),
                "bad header", "ledger", T0)));
        return samples;
    }

    private static ClaimedDevice claimedVf() {
        return ClaimedDevice.newBuilder().setAddress("0000:3b:02.0").setGroup("physnet1-vf")
                .setDevType(DevType.TYPE_VF).setVnicType(VnicType.DIRECT).setNumaNode(0)
                .setParentAddr("0000:3b:00.0").setItemIndex(0).build();
    }

    private static InventoryFact fact(final String id, final Object payload) {
        return InventoryFact.newBuilder().setFactId(id).setHost("compute-1").setAgentTime(T0)
                .setAgentVersion("0.1.0").setPayload(payload).build();
    }

    private static Command command(final String id, final Object payload) {
        return Command.newBuilder().setCommandId(id).setHost("compute-1").setIssuedAt(T0).setActor("tenant-a")
                .setActorRole(ActorRole.TENANT).setPayload(payload).build();
    }

    private static ClaimResult result(final String commandId, final Object outcome) {
        return ClaimResult.newBuilder().setClaimId("claim-1").setCommandId(commandId).setHost("compute-1")
                .setDecidedAt(T0).setOutcome(outcome).build();
    }
}
