package io.pciledger.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ClaimResult;
import io.pciledger.ledger.domain.ClaimStatus;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.CommandOutcome.Released;
import io.pciledger.ledger.domain.ConfirmRequest;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.DeviceStatus;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.ledger.topology.LedgerTopology;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's audit and lookup stores ({@code host-events}, {@code device-history}, {@code claim-results}), driven
 * through the topology's topics by {@link TopologyTestDriver} and read through {@link LocalLedgerReads}.
 */
class LocalLedgerReadsTest {

    private static final String HOST = "compute-1";
    private static final String OTHER_HOST = "compute-10";
    private static final Instant WALL_CLOCK = Instant.parse("2026-03-01T08:00:00Z");
    private static final TopicNames NAMES = TopicNames.DEFAULT;

    private static final Device GPU_A = gpu("0000:af:00.0");
    private static final Device GPU_B = gpu("0000:b0:00.0");
    private static final Device GPU_C = gpu("0000:d8:00.0");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, io.pciledger.schemas.inventory.InventoryFact> inventory;
    private TestInputTopic<String, io.pciledger.schemas.command.Command> commands;
    private LocalLedgerReads reads;
    private int ids;

    @BeforeEach
    void startDriver() {
        final LedgerConfig config = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "unused:9092",
                LedgerConfig.STATE_DIR, stateDir.toString()));
        driver = new TopologyTestDriver(LedgerTopology.build(NAMES, config.timers()), config.streamsProperties(),
                WALL_CLOCK);
        inventory = driver.createInputTopic(NAMES.of(Topics.INVENTORY), new StringSerializer(),
                Topics.INVENTORY.valueSerde().serializer());
        commands = driver.createInputTopic(NAMES.of(Topics.COMMANDS), new StringSerializer(),
                Topics.COMMANDS.valueSerde().serializer());
        reads = LocalLedgerReads.over(driver::getKeyValueStore);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void hostEventsAreTheHostsLedgerInSequenceOrder() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A, GPU_B, GPU_C)));
        report(OTHER_HOST, new InventoryFact.HostSnapshot(List.of(GPU_A)));
        command(HOST, claim("c-1", 2));

        final List<LedgerRecord> events = reads.hostEvents(HOST, 1, 100);

        assertThat(events).isEqualTo(published(HOST));
        assertThat(events).extracting(LedgerRecord::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(reads.hostEvents(OTHER_HOST, 1, 100)).extracting(LedgerRecord::seq).containsExactly(1L);
    }

    @Test
    void aPageStartsAtItsSequenceNumberAndHoldsAtMostTheLimit() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A, GPU_B, GPU_C)));
        command(HOST, claim("c-1", 1));
        command(HOST, claim("c-2", 1));

        assertThat(reads.hostEvents(HOST, 2, 2)).extracting(LedgerRecord::seq).containsExactly(2L, 3L);
        assertThat(reads.hostEvents(HOST, 4, 10)).extracting(LedgerRecord::seq).containsExactly(4L, 5L);
        assertThat(reads.hostEvents(HOST, 6, 10)).isEmpty();
        assertThat(reads.hostEvents("compute-unknown", 1, 10)).isEmpty();
    }

    @Test
    void aDevicesHistoryFollowsItThroughClaimConfirmReleaseAndRemoval() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A, GPU_B)));
        command(HOST, claim("c-1", 2));
        command(HOST, new ConfirmRequest("c-1"));
        report(HOST, new InventoryFact.DeviceVanished(GPU_B.address()));
        command(HOST, new ReleaseRequest("c-1", "instance deleted"));

        final List<LedgerRecord> history = reads.deviceHistory(HOST, GPU_B.address());

        assertThat(history).extracting(record -> record.event().getClass().getSimpleName()).containsExactly(
                "DeviceAdded", "DevicesClaimed", "ClaimConfirmed", "DeviceLost", "DevicesReleased", "DeviceRemoved");
        assertThat(history).extracting(LedgerRecord::seq).isSorted();
        assertThat(published(HOST)).containsAll(history);
        assertThat(reads.deviceHistory(HOST, GPU_A.address())).extracting(record -> record.event().getClass()
                .getSimpleName()).containsExactly("DeviceAdded", "DevicesClaimed", "ClaimConfirmed",
                "DevicesReleased");
        assertThat(reads.deviceHistory(HOST, "0000:00:00.0")).isEmpty();
    }

    @Test
    void aDevicesHistoryIsItsHostsOnly() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A)));
        report(OTHER_HOST, new InventoryFact.HostSnapshot(List.of(GPU_A)));
        command(OTHER_HOST, claim("c-1", 1));

        assertThat(reads.deviceHistory(HOST, GPU_A.address())).singleElement()
                .satisfies(record -> assertThat(record.host()).isEqualTo(HOST));
        assertThat(reads.deviceHistory(OTHER_HOST, GPU_A.address())).hasSize(2);
    }

    @Test
    void aClaimIsFoundByIdWithTheHostThatGrantedIt() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A)));
        final String commandId = command(HOST, claim("c-1", 1));

        final ClaimResult result = reads.claimResult("c-1").orElseThrow();

        assertThat(result.host()).isEqualTo(HOST);
        assertThat(result.commandId()).isEqualTo(commandId);
        assertThat(result.outcome()).isInstanceOfSatisfying(Granted.class,
                granted -> assertThat(granted.ledgerSeq()).isEqualTo(2));
        assertThat(reads.host(result.host()).orElseThrow().claims()).singleElement()
                .satisfies(claim -> assertThat(claim.status()).isEqualTo(ClaimStatus.LIVE));
        assertThat(reads.claimResult("c-unknown")).isEmpty();
    }

    @Test
    void aClaimIsReadByHostAndIdLiveEndedOrRefused() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A, GPU_B)));
        command(HOST, claim("c-live", 1));
        command(HOST, claim("c-ended", 1));
        command(HOST, new ReleaseRequest("c-ended", "instance deleted"));
        command(HOST, claim("c-refused", 5));

        assertThat(reads.claim(HOST, "c-live").orElseThrow().granted()).hasValueSatisfying(
                claim -> assertThat(claim.status()).isEqualTo(ClaimStatus.LIVE));
        assertThat(reads.claim(HOST, "c-ended").orElseThrow().granted()).hasValueSatisfying(
                claim -> assertThat(claim.status()).isEqualTo(ClaimStatus.RELEASED));
        assertThat(reads.claim(HOST, "c-refused").orElseThrow().refused()).hasValueSatisfying(
                refusal -> assertThat(refusal.reason()).isEqualTo(RejectReason.INSUFFICIENT_DEVICES));
        assertThat(reads.host(HOST).orElseThrow().claims()).extracting(claim -> claim.claimId())
                .containsExactly("c-live");
        assertThat(reads.claim(HOST, "c-unknown")).isEmpty();
        assertThat(reads.claim(OTHER_HOST, "c-live")).isEmpty();
    }

    @Test
    void aClaimsStandingAnswerFollowsItsReleaseButNotARefusalElsewhere() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A)));
        report(OTHER_HOST, new InventoryFact.HostSnapshot(List.of(GPU_B)));
        command(HOST, claim("c-1", 1));
        command(HOST, new ReleaseRequest("c-1", "instance deleted"));

        command(OTHER_HOST, new ReleaseRequest("c-1", "sent to the wrong host"));

        final ClaimResult result = reads.claimResult("c-1").orElseThrow();
        assertThat(result.host()).isEqualTo(HOST);
        assertThat(result.outcome()).isInstanceOf(Released.class);
    }

    @Test
    void aRefusedClaimIsFoundByIdToo() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A)));

        command(HOST, claim("c-1", 2));

        assertThat(reads.claimResult("c-1").orElseThrow().outcome()).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.INSUFFICIENT_DEVICES));
    }

    @Test
    void aHostShowsItsDevicesClaimsPoolsAndPosition() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A, GPU_B)));
        command(HOST, claim("c-1", 1));

        final HostView host = reads.host(HOST).orElseThrow();

        assertThat(host.lastSeq()).isEqualTo(3);
        assertThat(reads.position(HOST)).hasValue(3);
        assertThat(host.stale()).isFalse();
        assertThat(host.lastHeard()).isEqualTo(WALL_CLOCK);
        assertThat(host.devices()).extracting(device -> device.status())
                .containsExactly(DeviceStatus.CLAIMED, DeviceStatus.FREE);
        assertThat(host.claims()).extracting(claim -> claim.claimId()).containsExactly("c-1");
        assertThat(host.pools().freeByGroup()).containsEntry("gpu", 1);
        assertThat(reads.host("compute-unknown")).isEmpty();
        assertThat(reads.position("compute-unknown")).isEmpty();
    }

    @Test
    void aHostReadAgainIsTheSameViewUntilAnEventMovesItsPosition() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A, GPU_B)));
        final HostView before = reads.host(HOST).orElseThrow();

        assertThat(reads.host(HOST).orElseThrow()).isSameAs(before);

        command(HOST, claim("c-1", 1));
        final HostView after = reads.host(HOST).orElseThrow();

        assertThat(after.lastSeq()).isEqualTo(before.lastSeq() + 1);
        assertThat(after.claims()).extracting(claim -> claim.claimId()).containsExactly("c-1");
        assertThat(after.pools().freeByGroup()).containsEntry("gpu", 1);
    }

    @Test
    void groupCountsAreReadByGroupAndAll() {
        report(HOST, new InventoryFact.HostSnapshot(List.of(GPU_A, GPU_B)));
        command(HOST, claim("c-1", 1));

        assertThat(reads.groupCount("gpu")).contains(new GroupCount(2, 1, 1, 0, 0));
        assertThat(reads.groupCounts()).containsOnlyKeys("gpu");
        assertThat(reads.groupCount("nvme")).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        assertThatThrownBy(() -> reads.hostEvents(HOST, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromSeq");
        assertThatThrownBy(() -> reads.hostEvents(HOST, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> reads.deviceHistory(HOST, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("address");
        assertThatThrownBy(() -> reads.claimResult(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claim id");
    }

    private List<LedgerRecord> published(final String host) {
        return driver.createOutputTopic(NAMES.of(Topics.LEDGER), new StringDeserializer(),
                        Topics.LEDGER.valueSerde().deserializer()).readValuesToList().stream()
                .map(LedgerEvents::toDomain)
                .filter(record -> record.host().equals(host))
                .toList();
    }

    private void report(final String host, final InventoryFact fact) {
        inventory.pipeInput(host, InventoryFacts.toAvro("fact-" + ++ids, host, WALL_CLOCK, fact));
    }

    private String command(final String host, final Command command) {
        final String commandId = "command-" + ++ids;
        commands.pipeInput(host, Commands.toAvro(commandId, host, WALL_CLOCK, Requester.tenant("acme"), command));
        return commandId;
    }

    private static ClaimRequest claim(final String claimId, final int count) {
        return new ClaimRequest(claimId, "acme", "vm-" + claimId, List.of(RequestItem.devices("gpu", count)), false,
                null);
    }

    private static Device gpu(final String address) {
        return new Device(address, "10de", "20b0", "030200", DevType.TYPE_PCI, null, 0, null, "vfio-pci", "gpu",
                Map.of());
    }
}
