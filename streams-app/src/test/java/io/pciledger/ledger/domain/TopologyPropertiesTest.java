package io.pciledger.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.avro.GroupCountRecords;
import io.pciledger.ledger.avro.HostPoolRecords;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.RandomHistory.ActOnHeldClaim;
import io.pciledger.ledger.domain.RandomHistory.Advance;
import io.pciledger.ledger.domain.RandomHistory.ClaimStep;
import io.pciledger.ledger.domain.RandomHistory.Confirm;
import io.pciledger.ledger.domain.RandomHistory.Release;
import io.pciledger.ledger.domain.RandomHistory.Report;
import io.pciledger.ledger.domain.RandomHistory.Step;
import io.pciledger.ledger.query.LocalLedgerReads;
import io.pciledger.ledger.state.ArchiveContents;
import io.pciledger.ledger.state.HostHeader;
import io.pciledger.ledger.state.StoredHosts;
import io.pciledger.ledger.topology.LedgerTopology;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The topology keeps rule 7 over random histories ({@link RandomHistory}) played through its topics: replaying
 * what it published to {@code pci.ledger} gives the state in its store, and its last published pools and group
 * counts are those of that state. Expiry and staleness come from its own wall-clock punctuation. Its audit stores
 * show what it published: {@code host-events} the host's ledger, {@code device-history} each device's part of it.
 */
class TopologyPropertiesTest {

    private static final TopicNames NAMES = TopicNames.DEFAULT;
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    @Property(tries = 40)
    void publishedLedgerReplaysToTheStoredStatePoolsCountsAndAuditStores(@ForAll("histories") final List<Step> steps)
            throws Exception {
        final Path stateDir = Files.createTempDirectory("ledger-property");
        final LedgerConfig config = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "unused:9092",
                LedgerConfig.STATE_DIR, stateDir.toString(),
                LedgerConfig.CHECK_INTERVAL_MS, String.valueOf(CHECK_EVERY.toMillis()),
                LedgerConfig.STALE_AFTER_MS, String.valueOf(RandomHistory.STALE_AFTER.toMillis())));
        try (TopologyTestDriver driver = new TopologyTestDriver(LedgerTopology.build(NAMES, config.timers()),
                config.streamsProperties(), TestHost.START)) {
            final TestInputTopic<String, io.pciledger.schemas.inventory.InventoryFact> inventory =
                    driver.createInputTopic(NAMES.of(Topics.INVENTORY), new StringSerializer(),
                            Topics.INVENTORY.valueSerde().serializer());
            final TestInputTopic<String, io.pciledger.schemas.command.Command> commands =
                    driver.createInputTopic(NAMES.of(Topics.COMMANDS), new StringSerializer(),
                            Topics.COMMANDS.valueSerde().serializer());
            final KeyValueStore<String, HostHeader> store =
                    driver.getKeyValueStore(LedgerTopology.HOST_LEDGERS_STORE);
            int ids = 0;
            Instant now = TestHost.START;
            for (final Step step : steps) {
                final String id = "id-" + ++ids;
                final Command command = command(step, store);
                if (step instanceof Report report) {
                    inventory.pipeInput(TestHost.NAME, InventoryFacts.toAvro(id, TestHost.NAME, TestHost.START,
                            report.fact()));
                } else if (command != null) {
                    commands.pipeInput(TestHost.NAME, Commands.toAvro(id, TestHost.NAME, TestHost.START,
                            Requester.admin("ops"), command));
                } else if (step instanceof Advance advance) {
                    driver.advanceWallClockTime(Duration.ofMinutes(advance.minutes()));
                    now = now.plus(Duration.ofMinutes(advance.minutes()));
                }
            }
            driver.advanceWallClockTime(CHECK_EVERY);
            assertNothingOverdue(driver, store, now.plus(CHECK_EVERY));

            final List<LedgerRecord> published = driver.createOutputTopic(NAMES.of(Topics.LEDGER),
                            new StringDeserializer(), Topics.LEDGER.valueSerde().deserializer())
                    .readValuesToList().stream().map(LedgerEvents::toDomain).toList();
            final HostLedger stored = StoredHosts.read(store, driver.getKeyValueStore(LedgerTopology.HOST_DEVICES_STORE),
                    TestHost.NAME, ArchiveContents.of(driver.getKeyValueStore(LedgerTopology.CLAIM_ARCHIVE_STORE),
                            TestHost.NAME)).orElseThrow();
            assertThat(HostLedger.replay(TestHost.NAME, published)).isEqualTo(stored);
            final List<io.pciledger.schemas.derived.HostPools> pools = driver.createOutputTopic(
                    NAMES.of(Topics.HOST_POOLS), new StringDeserializer(),
                    Topics.HOST_POOLS.valueSerde().deserializer()).readValuesToList();
            assertThat(HostPoolRecords.toDomain(pools.get(pools.size() - 1))).isEqualTo(HostPools.of(stored));
            final SortedMap<String, GroupCount> counts = new TreeMap<>();
            driver.createOutputTopic(NAMES.of(Topics.GROUP_COUNTS), new StringDeserializer(),
                            Topics.GROUP_COUNTS.valueSerde().deserializer()).readKeyValuesToList()
                    .forEach(count -> counts.put(count.key, GroupCountRecords.toDomain(count.value)));
            counts.values().removeIf(GroupCount::isZero);
            assertThat(counts).isEqualTo(HostGroupCounts.of(stored).byGroup());

            final LocalLedgerReads reads = LocalLedgerReads.over(driver::getKeyValueStore);
            assertThat(reads.hostEvents(TestHost.NAME, 1, Integer.MAX_VALUE)).isEqualTo(published);
            final SortedSet<String> addresses = new TreeSet<>();
            published.forEach(record -> addresses.addAll(AffectedDevices.of(record.event(), stored)));
            for (final String address : addresses) {
                assertThat(reads.deviceHistory(TestHost.NAME, address)).as("history of %s", address)
                        .isEqualTo(published.stream()
                                .filter(record -> AffectedDevices.of(record.event(), stored).contains(address))
                                .toList());
            }
        } finally {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * After a check at {@code checkedAt}, no claim is still live past its deadline and a host silent for longer than
     * the stale interval is marked: the ledger's checks visit the hosts that are due, and miss none.
     */
    private static void assertNothingOverdue(final TopologyTestDriver driver,
            final KeyValueStore<String, HostHeader> store, final Instant checkedAt) {
        final HostLedger checked = StoredHosts.read(store,
                driver.getKeyValueStore(LedgerTopology.HOST_DEVICES_STORE), TestHost.NAME,
                ArchiveContents.of(driver.getKeyValueStore(LedgerTopology.CLAIM_ARCHIVE_STORE), TestHost.NAME))
                .orElseThrow();
        assertThat(checked.liveClaims()).as("claims still live at %s", checkedAt)
                .noneMatch(claim -> claim.status() == ClaimStatus.LIVE && claim.expiresAt() != null
                        && !claim.expiresAt().isAfter(checkedAt));
        final Long heard = driver.<String, Long>getKeyValueStore(LedgerTopology.LAST_HEARD_STORE).get(TestHost.NAME);
        if (checked.hasHistory() && heard != null
                && Duration.between(Instant.ofEpochMilli(heard), checkedAt).compareTo(RandomHistory.STALE_AFTER) > 0) {
            assertThat(checked.isStale()).as("host last heard at %s, checked at %s", Instant.ofEpochMilli(heard),
                    checkedAt).isTrue();
        }
    }

    /** The command a step sends, or null if it sends none. */
    private static Command command(final Step step, final KeyValueStore<String, HostHeader> store) {
        if (step instanceof ClaimStep claim) {
            return claim.request();
        } else if (step instanceof Confirm confirm) {
            return new ConfirmRequest(confirm.claimId());
        } else if (step instanceof Release release) {
            return new ReleaseRequest(release.claimId(), "instance deleted");
        } else if (step instanceof ActOnHeldClaim act) {
            final HostHeader host = store.get(TestHost.NAME);
            final List<String> held = host == null ? List.of() : host.liveClaims().stream()
                    .filter(claim -> claim.status().holdsDevices()).map(Claim::claimId).toList();
            if (held.isEmpty()) {
                return null;
            }
            final String claimId = held.get(act.pick() % held.size());
            return act.confirm() ? new ConfirmRequest(claimId) : new ReleaseRequest(claimId, "instance deleted");
        }
        return null;
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return RandomHistory.histories();
    }
}
