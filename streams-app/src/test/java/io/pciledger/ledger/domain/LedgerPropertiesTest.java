package io.pciledger.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.LedgerEvent.DevicesClaimed;
import io.pciledger.ledger.domain.RandomHistory.ClaimStep;
import io.pciledger.ledger.domain.RandomHistory.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The ledger's rules hold over random interleavings of facts, commands and time ({@link RandomHistory}). */
class LedgerPropertiesTest {

    @Property(tries = 300)
    void noDeviceIsEverHeldByTwoLiveClaims(@ForAll("histories") final List<Step> steps) {
        RandomHistory.play(steps, (played, host) -> {
            final HostLedger ledger = host.ledger();
            final Map<String, String> liveHolder = new HashMap<>();
            for (final Claim claim : ledger.liveClaims()) {
                if (claim.status().holdsDevices()) {
                    for (final String address : claim.addresses()) {
                        assertThat(liveHolder.put(address, claim.claimId()))
                                .as("live claim holding %s besides %s", address, claim.claimId()).isNull();
                        assertThat(ledger.device(address).orElseThrow().holder()).isEqualTo(claim.claimId());
                    }
                }
            }
            for (final LedgerDevice device : ledger.devices()) {
                if (device.isHeld()) {
                    assertThat(liveHolder).as("holder of %s", device.address())
                            .containsEntry(device.address(), device.holder());
                }
            }
        });
    }

    @Property(tries = 300)
    void pfAndItsVfsAreNeverHeldTogether(@ForAll("histories") final List<Step> steps) {
        RandomHistory.play(steps, (played, host) -> {
            for (final LedgerDevice device : host.ledger().devices()) {
                final String parent = device.device().parentAddr();
                if (device.isHeld() && parent != null) {
                    assertThat(host.ledger().device(parent).map(LedgerDevice::isHeld))
                            .as("%s held with its PF %s after %s", device.address(), parent, played.step())
                            .isNotEqualTo(Optional.of(true));
                }
            }
        });
    }

    @Property(tries = 300)
    void replayingTheRecordsGivesTheLiveStatePoolsAndCounts(@ForAll("histories") final List<Step> steps) {
        final TestHost host = RandomHistory.play(steps, (played, ignored) -> { });

        final HostLedger replayed = HostLedger.replay(TestHost.NAME, host.history());

        assertThat(replayed).isEqualTo(host.ledger());
        assertThat(HostPools.of(replayed)).isEqualTo(host.pools());
        assertThat(HostGroupCounts.of(replayed)).isEqualTo(host.counts());
    }

    @Property(tries = 300)
    void sameClaimIdNeverAllocatesTwice(@ForAll("histories") final List<Step> steps) {
        final Map<String, ClaimStep> firstRecorded = new HashMap<>();
        final Map<String, CommandOutcome> firstAnswer = new HashMap<>();
        final TestHost host = RandomHistory.play(steps, (played, playedOn) -> {
            if (!(played.step() instanceof ClaimStep claim)) {
                return;
            }
            final Answer retry = playedOn.claim(claim.request());
            assertThat(retry.records()).as("records of an immediate retry").isEmpty();
            assertThat(retry.outcome()).isEqualTo(played.outcome());
            final ClaimStep first = firstRecorded.get(claim.claimId());
            if (first == null) {
                if (!played.records().isEmpty()) {
                    firstRecorded.put(claim.claimId(), claim);
                    firstAnswer.put(claim.claimId(), played.outcome());
                }
            } else if (first.template() == claim.template()) {
                assertThat(played.records()).isEmpty();
                assertThat(played.outcome()).isEqualTo(firstAnswer.get(claim.claimId()));
            } else {
                assertThat(played.records()).isEmpty();
                assertThat(played.outcome()).isInstanceOfSatisfying(Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.CLAIM_ID_CONFLICT));
            }
        });
        for (final String claimId : RandomHistory.claimIds()) {
            assertThat(host.history()).filteredOn(record -> record.event() instanceof DevicesClaimed claimed
                    && claimed.claimId().equals(claimId)).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Property(tries = 300)
    void countsAlwaysAddUp(@ForAll("histories") final List<Step> steps) {
        RandomHistory.play(steps, (played, host) -> {
            final HostLedger ledger = host.ledger();
            final SortedMap<String, GroupCount> counts = host.counts().byGroup();
            for (final Map.Entry<String, GroupCount> group : counts.entrySet()) {
                final GroupCount count = group.getValue();
                assertThat(count.total()).as("total of %s", group.getKey())
                        .isEqualTo(count.available() + count.claimed() + count.unavailable() + count.lost())
                        .isEqualTo(ledger.devices().stream().filter(d -> d.group().equals(group.getKey())).count());
            }
            final HostPools pools = host.pools();
            assertThat(pools.pools().stream().mapToInt(Pool::total).sum()).isEqualTo(ledger.devices().size());
            assertThat(pools.pools().stream().mapToInt(Pool::free).sum())
                    .isEqualTo(counts.values().stream().mapToInt(GroupCount::available).sum());
        });
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return RandomHistory.histories();
    }
}
