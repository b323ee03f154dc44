package io.pciledger.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.HostPoolRecords;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.RandomHistory.Step;
import io.pciledger.ledger.state.ArchivedClaim;
import io.pciledger.ledger.state.ArchivedClaimSerde;
import io.pciledger.ledger.state.HostHeader;
import io.pciledger.ledger.state.HostHeaderSerde;
import io.pciledger.ledger.state.LedgerDeviceSerde;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What the topology writes and stores survives the trip over random histories ({@link RandomHistory}): every
 * ledger record, fact and answer through its Avro record, and the host's state through the stores' serdes: its live
 * part through {@code host-ledgers}' and {@code host-devices}', every ended claim and refusal through {@code claim-archive}'s.
 */
class WireAndStorePropertiesTest {

    @Property(tries = 200)
    void everyRecordFactAndAnswerSurvivesAvro(@ForAll("histories") final List<Step> steps) {
        final TestHost host = RandomHistory.play(steps, (played, ignored) -> {
            played.records().forEach(record ->
                    assertThat(LedgerEvents.toDomain(LedgerEvents.toAvro(record))).isEqualTo(record));
            if (played.step() instanceof RandomHistory.Report report) {
                assertThat(InventoryFacts.toDomain(InventoryFacts.toAvro("f", TestHost.NAME, TestHost.START,
                        report.fact()))).isEqualTo(report.fact());
            }
            if (played.outcome() != null) {
                assertThat(ClaimResults.toDomain(ClaimResults.toAvro("c", "cmd", TestHost.NAME, TestHost.START,
                        played.outcome()))).isEqualTo(played.outcome());
            }
        });

        assertThat(HostPoolRecords.toDomain(HostPoolRecords.toAvro(host.pools(), host.now(), host.now())))
                .isEqualTo(host.pools());
    }

    @Property(tries = 200)
    void hostStateSurvivesTheStoreSerdes(@ForAll("histories") final List<Step> steps) {
        final TestHost host = RandomHistory.play(steps, (played, ignored) -> { });
        final InMemoryClaimArchive archive = (InMemoryClaimArchive) host.ledger().archive();

        final HostHeader read = HostHeaderSerde.read(HostHeaderSerde.write(HostHeader.of(host.ledger())));
        final List<LedgerDevice> devices = host.ledger().devices().stream()
                .map(device -> LedgerDeviceSerde.read(LedgerDeviceSerde.write(device))).toList();
        final List<Claim> endedClaims = new ArrayList<>();
        final List<RejectedClaim> rejections = new ArrayList<>();
        archive.endedClaims().forEach(claim -> ArchivedClaimSerde.read(ArchivedClaimSerde.write(
                ArchivedClaim.ended(claim))).ended().ifPresent(endedClaims::add));
        archive.rejections().forEach(rejection -> ArchivedClaimSerde.read(ArchivedClaimSerde.write(
                ArchivedClaim.refused(rejection))).refused().ifPresent(rejections::add));
        final HostLedger restored = read.ledger(devices, InMemoryClaimArchive.of(endedClaims, rejections));

        assertThat(restored).isEqualTo(host.ledger());
        assertThat(HostPools.of(restored)).isEqualTo(host.pools());
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return RandomHistory.histories();
    }
}
