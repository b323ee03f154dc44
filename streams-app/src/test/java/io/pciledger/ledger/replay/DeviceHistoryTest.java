package io.pciledger.ledger.replay;

import static io.pciledger.ledger.replay.FleetHistory.T0;
import static io.pciledger.ledger.replay.FleetHistory.gpu;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.LedgerRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceHistoryTest {

    private static final String HOST = "compute-a";
    private static final String GPU = "0000:af:00.0";

    private static final FleetHistory HISTORY = new FleetHistory()
            .discover(HOST, T0, gpu(GPU), gpu("0000:b0:00.0"))
            .discover("compute-b", T0, gpu(GPU))
            .claim(HOST, T0.plusSeconds(1), "c-1", 2)
            .confirm(HOST, T0.plusSeconds(2), "c-1")
            .vanish(HOST, T0.plusSeconds(3), GPU)
            .release(HOST, T0.plusSeconds(4), "c-1");

    private static DeviceHistory collect(final String host, final String address, final ReplayCut cut) {
        final DeviceHistory history = new DeviceHistory(host, address);
        final FleetFold fold = history.collector(cut);
        long offset = 0;
        for (final LedgerRecord record : HISTORY.records()) {
            fold.accept(record, "test", offset++);
        }
        return history;
    }

    @Test
    void aDevicesHistoryIsEveryEventOfItsHostThatBelongsToItInOrder() {
        final DeviceHistory history = collect(HOST, GPU, ReplayCut.until(Instant.MAX));

        assertThat(history.events()).extracting(record -> record.event().getClass().getSimpleName())
                .containsExactly("DeviceAdded", "DevicesClaimed", "ClaimConfirmed", "DeviceLost", "DevicesReleased",
                        "DeviceRemoved");
        assertThat(history.events()).allSatisfy(record -> assertThat(record.host()).isEqualTo(HOST));
        assertThat(history.hostKnown()).isTrue();
    }

    @Test
    void anInstantCutsTheHistory() {
        assertThat(collect(HOST, GPU, ReplayCut.until(T0.plusSeconds(2))).events()).hasSize(3);
    }

    @Test
    void aHostTheLedgerNeverSawHasNoHistory() {
        final DeviceHistory history = collect("compute-z", GPU, ReplayCut.until(Instant.MAX));

        assertThat(history.events()).isEmpty();
        assertThat(history.hostKnown()).isFalse();
    }
}
