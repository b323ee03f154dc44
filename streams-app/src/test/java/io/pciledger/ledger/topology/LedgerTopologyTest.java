package io.pciledger.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.avro.GroupCountRecords;
import io.pciledger.ledger.avro.GroupRegistrations;
import io.pciledger.ledger.avro.HostPoolRecords;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ClaimStatus;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.DeviceStatus;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.GroupRegistration;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.ledger.domain.VnicType;
import io.pciledger.ledger.state.ArchiveContents;
import io.pciledger.ledger.state.ArchivedClaim;
import io.pciledger.ledger.state.ClaimKey;
import io.pciledger.ledger.state.DeviceKey;
import io.pciledger.ledger.state.HostHeader;
import io.pciledger.ledger.state.LedgerDeviceSerde;
import io.pciledger.ledger.state.StoredHosts;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger processor, driven through its topics by Kafka Streams' {@link TopologyTestDriver}. */
class LedgerTopologyTest {

    private static final String HOST = "compute-1";
    private static final Instant WALL_CLOCK = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant AGENT_CLOCK = Instant.parse("2020-01-01T00:00:00Z");
    private static final TopicNames NAMES = TopicNames.DEFAULT;
    /** The ledger's default application id, which names the stores' changelog topics. */
    private static final String APPLICATION_ID = "pci-ledger";
    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private static final Device PF = device("0000:3b:00.0", DevType.TYPE_PF, null, "net-pf");
    private static final Device VF_0 = device("0000:3b:02.0", DevType.TYPE_VF, PF.address(), "net");
    private static final Device VF_1 = device("0000:3b:02.1", DevType.TYPE_VF, PF.address(), "net");
    private static final Device GPU = device("0000:af:00.0", DevType.TYPE_PCI, null, "gpu");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, io.pciledger.schemas.inventory.InventoryFact> inventory;
    private TestInputTopic<String, io.pciledger.schemas.command.Command> commands;
    private TestOutputTopic<String, io.pciledger.schemas.ledger.LedgerEvent> ledger;
    private TestOutputTopic<String, ClaimResult> results;
    private TestOutputTopic<String, io.pciledger.schemas.derived.HostPools> pools;
    private TestOutputTopic<String, io.pciledger.schemas.derived.GroupCounts> counts;
    private int ids;

    @BeforeEach
    void startDriver() {
        final LedgerConfig config = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "unused:9092",
                LedgerConfig.STATE_DIR, stateDir.toString(), LedgerConfig.CHECK_INTERVAL_MS, "1000",
                LedgerConfig.STALE_AFTER_MS, String.valueOf(STALE_AFTER.toMillis())));
        driver = new TopologyTestDriver(LedgerTopology.build(NAMES, config.timers()), config.streamsProperties(),
                WALL_CLOCK);
        inventory = driver.createInputTopic(NAMES.of(Topics.INVENTORY), new StringSerializer(),
                Topics.INVENTORY.valueSerde().serializer());
        commands = driver.createInputTopic(NAMES.of(Topics.COMMANDS), new StringSerializer(),
                Topics.COMMANDS.valueSerde().serializer());
        ledger = driver.createOutputTopic(NAMES.of(Topics.LEDGER), new StringDeserializer(),
                Topics.LEDGER.valueSerde().deserializer());
        results = driver.createOutputTopic(NAMES.of(Topics.CLAIM_RESULTS), new StringDeserializer(),
                Topics.CLAIM_RESULTS.valueSerde().deserializer());
        pools = driver.createOutputTopic(NAMES.of(Topics.HOST_POOLS), new StringDeserializer(),
                Topics.HOST_POOLS.valueSerde().deserializer());
        counts = driver.createOutputTopic(NAMES.of(Topics.GROUP_COUNTS), new StringDeserializer(),
                Topics.GROUP_COUNTS.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void snapshotThenClaimRecordsNumberedDevicesAndAGrant() {
        report(new InventoryFact.HostSnapshot(List.of(PF, VF_0, VF_1, GPU)));
        final String commandId = command(claim("c-1", RequestItem.devices("gpu", 1)));

        final List<KeyValue<String, LedgerRecord>> records = ledgerRecords();
        assertThat(records).extracting(record -> record.key).containsOnly(HOST);
        assertThat(records).extracting(record -> record.value.seq()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records.subList(0, 4)).allMatch(record -> record.value.event() instanceof LedgerEvent.DeviceAdded);
        assertThat(records.get(4).value.event()).isInstanceOf(LedgerEvent.DevicesClaimed.class);
        final KeyValue<String, ClaimResult> result = results.readKeyValue();
        assertThat(result.key).isEqualTo("c-1");
        assertThat(result.value.getCommandId()).isEqualTo(commandId);
        assertThat(result.value.getHost()).isEqualTo(HOST);
        assertThat(ClaimResults.toDomain(result.value)).isInstanceOfSatisfying(Granted.class, granted -> {
            assertThat(granted.ledgerSeq()).isEqualTo(5);
            assertThat(granted.devices()).extracting(device -> device.address()).containsExactly(GPU.address());
        });
    }

    @Test
    void eventsCarryTheCauseTheActorAndTheLedgersClock() {
        final String factId = report(new InventoryFact.DeviceDiscovered(GPU));
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        final String commandId = command(claim("c-1", RequestItem.devices("gpu", 1)));

        final List<KeyValue<String, LedgerRecord>> records = ledgerRecords();
        assertThat(records.get(0).value.causeId()).isEqualTo(factId);
        assertThat(records.get(0).value.actor()).isEqualTo(HOST);
        assertThat(records.get(0).value.timestamp()).isEqualTo(WALL_CLOCK);
        assertThat(records.get(1).value.causeId()).isEqualTo(commandId);
        assertThat(records.get(1).value.actor()).isEqualTo("acme");
        assertThat(records.get(1).value.timestamp()).isEqualTo(WALL_CLOCK.plusSeconds(30));
    }

    @Test
    void retriedClaimIdGetsTheSameGrantAndNoNewEvent() {
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        command(claim("c-1", RequestItem.devices("gpu", 1)));
        final CommandOutcome first = ClaimResults.toDomain(results.readValue());
        final int recorded = ledger.readValuesToList().size();

        command(claim("c-1", RequestItem.devices("gpu", 1)));

        assertThat(ClaimResults.toDomain(results.readValue())).isEqualTo(first).isInstanceOf(Granted.class);
        assertThat(recorded).isEqualTo(2);
        assertThat(ledger.isEmpty()).isTrue();
    }

    @Test
    void anEndedClaimLeavesTheHostStateForTheArchiveAndARetryStillGetsItsGrant() {
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        command(claim("c-1", RequestItem.devices("gpu", 1)));
        final CommandOutcome grant = ClaimResults.toDomain(results.readValue());
        command(new ReleaseRequest("c-1", "instance deleted"));
        results.readValue();
        ledger.readValuesToList();

        command(claim("c-1", RequestItem.devices("gpu", 1)));

        assertThat(ClaimResults.toDomain(results.readValue())).isEqualTo(grant);
        assertThat(ledger.isEmpty()).isTrue();
        assertThat(driver.<String, HostHeader>getKeyValueStore(LedgerTopology.HOST_LEDGERS_STORE).get(HOST)
                .liveClaims()).isEmpty();
        assertThat(driver.<ClaimKey, ArchivedClaim>getKeyValueStore(LedgerTopology.CLAIM_ARCHIVE_STORE)
                .get(new ClaimKey(HOST, "c-1")).ended()).hasValueSatisfying(
                        claim -> assertThat(claim.status()).isEqualTo(ClaimStatus.RELEASED));
    }

    @Test
    void vfClaimMakesParentPfUnavailableInPublishedPools() {
        report(new InventoryFact.HostSnapshot(List.of(PF, VF_0, VF_1)));
        assertThat(latestPools().pool("net-pf", DevType.TYPE_PF, null).orElseThrow().free()).isEqualTo(1);

        command(claim("c-1", RequestItem.port(VnicType.DIRECT, "net")));

        final HostPools published = latestPools();
        assertThat(published.pool("net-pf", DevType.TYPE_PF, null).orElseThrow().free()).isZero();
        assertThat(published.pool("net", DevType.TYPE_VF, null).orElseThrow().free()).isEqualTo(1);
    }

    @Test
    void insufficientDevicesIsRejectedAndRecorded() {
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        ledger.readValuesToList();

        command(claim("c-1", RequestItem.devices("gpu", 2)));

        assertThat(ClaimResults.toDomain(results.readValue())).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.INSUFFICIENT_DEVICES));
        assertThat(ledgerRecords()).singleElement().satisfies(record ->
                assertThat(record.value.event()).isInstanceOfSatisfying(LedgerEvent.ClaimRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.INSUFFICIENT_DEVICES)));
    }

    @Test
    void removedClaimedDeviceIsRecordedLost() {
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        command(claim("c-1", RequestItem.devices("gpu", 1)));
        ledger.readValuesToList();

        report(new InventoryFact.HostSnapshot(List.of()));

        assertThat(ledgerRecords()).singleElement().satisfies(record ->
                assertThat(record.value.event()).isEqualTo(new LedgerEvent.DeviceLost(GPU.address(), "gpu", "c-1")));
    }

    @Test
    void replayingThePublishedLedgerGivesTheStoredState() {
        report(new InventoryFact.HostSnapshot(List.of(PF, VF_0, VF_1, GPU)));
        command(claim("c-1", RequestItem.port(VnicType.DIRECT, "net")));
        command(claim("c-2", RequestItem.devices("gpu", 2)));
        report(new InventoryFact.DeviceVanished(VF_0.address()));
        report(new InventoryFact.DeviceVanished(VF_1.address()));

        final HostLedger replayed = HostLedger.replay(HOST, ledgerRecords().stream().map(record -> record.value)
                .toList());

        assertThat(StoredHosts.read(driver.getKeyValueStore(LedgerTopology.HOST_LEDGERS_STORE),
                driver.getKeyValueStore(LedgerTopology.HOST_DEVICES_STORE), HOST, ArchiveContents.of(
                        driver.getKeyValueStore(LedgerTopology.CLAIM_ARCHIVE_STORE), HOST))).hasValue(replayed);
        assertThat(latestPools()).isEqualTo(HostPools.of(replayed));
    }

    @Test
    void undecodableInputIsSkippedAndTheLedgerGoesOn() {
        final TestInputTopic<String, byte[]> raw = driver.createInputTopic(NAMES.of(Topics.INVENTORY),
                new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput(HOST, new byte[] {1, 2, 3});

        report(new InventoryFact.DeviceDiscovered(GPU));

        assertThat(ledgerRecords()).singleElement().satisfies(record -> assertThat(record.value.seq()).isEqualTo(1));
    }

    @Test
    void aRecordKeyedByAnotherHostIsDeadLetteredNotApplied() {
        inventory.pipeInput("compute-2", InventoryFacts.toAvro("fact-x", HOST, AGENT_CLOCK,
                new InventoryFact.DeviceDiscovered(GPU)));

        assertThat(ledger.isEmpty()).isTrue();
        final KeyValue<String, io.pciledger.schemas.deadletter.DeadLetter> letter = driver.createOutputTopic(
                NAMES.of(Topics.DEAD_LETTERS), new StringDeserializer(),
                Topics.DEAD_LETTERS.valueSerde().deserializer()).readKeyValue();
        assertThat(letter.key).isEqualTo(NAMES.of(Topics.INVENTORY));
        assertThat(letter.value.getReason()).contains("keyed compute-2 but names host compute-1");
        assertThat(letter.value.getOffset()).isZero();
        assertThat(Topics.INVENTORY.valueSerde().deserializer().deserialize("t",
                java.util.Arrays.copyOfRange(letter.value.getValue().array(), 0, letter.value.getValue().limit()))
                .getFactId()).isEqualTo("fact-x");
        assertThat(driver.<String, HostHeader>getKeyValueStore(LedgerTopology.HOST_LEDGERS_STORE).get(HOST)).isNull();
    }

    @Test
    void aCommandForAHostNobodyReportedIsRejectedWithoutState() {
        command(claim("c-1", RequestItem.devices("gpu", 1)));

        assertThat(ClaimResults.toDomain(results.readValue())).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.UNKNOWN_HOST));
        assertThat(driver.<String, HostHeader>getKeyValueStore(LedgerTopology.HOST_LEDGERS_STORE).get(HOST)).isNull();
    }

    @Test
    void unconfirmedClaimExpiresByTheLedgersClockAndFreesItsDevices() {
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        command(claim("c-1", RequestItem.devices("gpu", 1)).withTtl(Duration.ofMinutes(2)));
        ledger.readValuesToList();
        report(new InventoryFact.AgentHeartbeat(1));
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(ledger.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(1).plusSeconds(1));

        assertThat(ledgerRecords()).singleElement().satisfies(record -> {
            assertThat(record.value.event()).isEqualTo(new LedgerEvent.ClaimExpired("c-1", List.of(GPU.address())));
            assertThat(record.value.actor()).isEqualTo("ledger");
        });
        assertThat(latestPools().freeByGroup()).containsEntry("gpu", 1);
    }

    @Test
    void aClaimDecidedAfterTheLedgersFirstCheckStillExpires() {
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        command(claim("c-1", RequestItem.devices("gpu", 1)).withTtl(Duration.ofMinutes(2)));
        ledger.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(ledger.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        assertThat(ledgerRecords()).singleElement().satisfies(record -> assertThat(record.value.event())
                .isEqualTo(new LedgerEvent.ClaimExpired("c-1", List.of(GPU.address()))));
    }

    @Test
    void aHostFirstReportedAfterTheLedgersFirstCheckIsMarkedStaleWhenSilent() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        ledger.readValuesToList();

        driver.advanceWallClockTime(STALE_AFTER.plusSeconds(2));

        assertThat(ledgerRecords()).singleElement().satisfies(record -> assertThat(record.value.event())
                .isEqualTo(new LedgerEvent.HostMarkedStale(WALL_CLOCK.plusSeconds(1))));
    }

    @Test
    void silentHostIsMarkedStaleAndReturnsWithItsNextReport() {
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        ledger.readValuesToList();

        driver.advanceWallClockTime(STALE_AFTER.plusSeconds(2));

        assertThat(ledgerRecords()).singleElement().satisfies(record -> assertThat(record.value.event())
                .isEqualTo(new LedgerEvent.HostMarkedStale(WALL_CLOCK)));
        final HostPools stale = latestPools();
        assertThat(stale.stale()).isTrue();
        assertThat(stale.freeByGroup()).containsEntry("gpu", 0);

        report(new InventoryFact.AgentHeartbeat(1));

        assertThat(ledgerRecords()).singleElement().satisfies(record -> assertThat(record.value.event())
                .isInstanceOf(LedgerEvent.HostReturned.class));
        assertThat(latestPools().stale()).isFalse();
    }

    @Test
    void aFactAboutOneDeviceRewritesThatDeviceAndTheHeaderNotTheOthers() {
        report(new InventoryFact.HostSnapshot(List.of(PF, VF_0, VF_1, GPU)));
        final TestOutputTopic<DeviceKey, LedgerDevice> deviceChangelog = driver.createOutputTopic(
                APPLICATION_ID + "-" + LedgerTopology.HOST_DEVICES_STORE + "-changelog",
                DeviceKey.SERDE.deserializer(), new LedgerDeviceSerde().deserializer());
        final TestOutputTopic<String, byte[]> hostChangelog = changelog(LedgerTopology.HOST_LEDGERS_STORE);
        assertThat(deviceChangelog.readKeyValuesToList()).hasSize(4);
        hostChangelog.readValuesToList();

        report(new InventoryFact.DeviceVanished(VF_1.address()));
        command(claim("c-1", RequestItem.devices("gpu", 1)));

        assertThat(deviceChangelog.readKeyValuesToList()).containsExactly(
                KeyValue.pair(new DeviceKey(HOST, VF_1.address()), null),
                KeyValue.pair(new DeviceKey(HOST, GPU.address()),
                        new LedgerDevice(GPU, DeviceStatus.CLAIMED, "c-1")));
        assertThat(hostChangelog.readValuesToList()).hasSize(2);
    }

    @Test
    void aHeartbeatRewritesOnlyWhenTheAgentWasHeardNotTheHostsLedger() {
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        final TestOutputTopic<String, byte[]> hostChangelog = changelog(LedgerTopology.HOST_LEDGERS_STORE);
        final TestOutputTopic<String, byte[]> heardChangelog = changelog(LedgerTopology.LAST_HEARD_STORE);
        hostChangelog.readValuesToList();
        heardChangelog.readValuesToList();
        driver.advanceWallClockTime(Duration.ofSeconds(30));

        report(new InventoryFact.AgentHeartbeat(1));

        assertThat(hostChangelog.isEmpty()).isTrue();
        assertThat(heardChangelog.readKeyValuesToList()).singleElement().satisfies(heard -> {
            assertThat(heard.key).isEqualTo(HOST);
            assertThat(new org.apache.kafka.common.serialization.LongDeserializer().deserialize("t", heard.value))
                    .isEqualTo(WALL_CLOCK.plusSeconds(30).toEpochMilli());
        });
    }

    @Test
    void privateGroupOfAnotherTenantIsRefusedUntilItsRegistrationIsDeleted() {
        final TestInputTopic<String, io.pciledger.schemas.group.GroupRegistration> groups =
                driver.createInputTopic(NAMES.of(Topics.GROUPS), new StringSerializer(),
                        Topics.GROUPS.valueSerde().serializer());
        final var registration = GroupRegistrations.toAvro(GroupRegistration.privateGroup("gpu", "globex"),
                WALL_CLOCK, "admin");
        groups.pipeInput("gpu", registration);
        report(new InventoryFact.HostSnapshot(List.of(GPU)));

        command(claim("c-1", RequestItem.devices("gpu", 1)));

        assertThat(ClaimResults.toDomain(results.readValue())).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.NOT_AUTHORIZED));

        registration.setDeleted(true);
        groups.pipeInput("gpu", registration);
        command(claim("c-2", RequestItem.devices("gpu", 1)));

        assertThat(ClaimResults.toDomain(results.readValue())).isInstanceOf(Granted.class);
    }

    @Test
    void groupCountsAreTheSumOverHosts() {
        report(new InventoryFact.HostSnapshot(List.of(GPU, PF, VF_0)));
        reportFor("compute-2", new InventoryFact.HostSnapshot(List.of(GPU)));

        command(claim("c-1", RequestItem.devices("gpu", 1)));
        command(claim("c-2", RequestItem.port(VnicType.DIRECT, "net")));

        final Map<String, GroupCount> latest = latestCounts();
        assertThat(latest).containsEntry("gpu", new GroupCount(2, 1, 1, 0, 0))
                .containsEntry("net", new GroupCount(1, 0, 1, 0, 0))
                .containsEntry("net-pf", new GroupCount(1, 0, 0, 1, 0));
    }

    @Test
    void aLostDeviceLeavesTheAvailableCountAndIsCountedLost() {
        report(new InventoryFact.HostSnapshot(List.of(GPU)));
        command(claim("c-1", RequestItem.devices("gpu", 1)));

        report(new InventoryFact.HostSnapshot(List.of()));

        assertThat(latestCounts()).containsEntry("gpu", new GroupCount(1, 0, 0, 0, 1));
    }

    private Map<String, GroupCount> latestCounts() {
        final Map<String, GroupCount> latest = new java.util.TreeMap<>();
        counts.readKeyValuesToList().forEach(count ->
                latest.put(count.key, GroupCountRecords.toDomain(count.value)));
        return latest;
    }

    private String report(final InventoryFact fact) {
        return reportFor(HOST, fact);
    }

    private String reportFor(final String host, final InventoryFact fact) {
        final String factId = "fact-" + ++ids;
        inventory.pipeInput(host, InventoryFacts.toAvro(factId, host, AGENT_CLOCK, fact));
        return factId;
    }

    private String command(final Command command) {
        final String commandId = "command-" + ++ids;
        commands.pipeInput(HOST, Commands.toAvro(commandId, HOST, AGENT_CLOCK, Requester.tenant("acme"), command));
        return commandId;
    }

    private static ClaimRequest claim(final String claimId, final RequestItem... items) {
        return new ClaimRequest(claimId, "acme", "vm-" + claimId, List.of(items), false, null);
    }

    private List<KeyValue<String, LedgerRecord>> ledgerRecords() {
        return ledger.readKeyValuesToList().stream()
                .map(record -> KeyValue.pair(record.key, LedgerEvents.toDomain(record.value)))
                .toList();
    }

    /** The changelog topic of {@code store}, as the driver captured it. */
    private TestOutputTopic<String, byte[]> changelog(final String store) {
        return driver.createOutputTopic(APPLICATION_ID + "-" + store + "-changelog", new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    private HostPools latestPools() {
        final List<io.pciledger.schemas.derived.HostPools> published = pools.readValuesToList();
        return HostPoolRecords.toDomain(published.get(published.size() - 1));
    }

    private static Device device(final String address, final DevType devType, final String parent,
            final String group) {
        return new Device(address, "8086", "1889", "020000", devType, parent, null, null, null, group, Map.of());
    }
}
