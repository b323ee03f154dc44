package io.pciledger.cli;

import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.query.LocalLedgerReads;
import io.pciledger.ledger.query.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code curl} examples {@code pci-ledger dev} prints: list groups, find candidates, claim, confirm, read the
 * claim, read a device's history, release. They name a real device of the fleet, so each works as printed.
 */
final class DemoExamples {

    static final String CLAIM_ID = "demo-claim-1";

    private DemoExamples() {
    }

    /** A GPU of the fleet: the claim example asks for its host, and its history shows the claim. */
    record DemoGpu(String host, String address) {
    }

    /** The example lines for the API on {@code port}, claiming on the host of {@code gpu} when there is one. */
    static List<String> lines(final int port, final DemoTokens tokens, final Optional<DemoGpu> gpu) {
        final String api = "http://127.0.0.1:" + port;
        final String auth = "-H \"Authorization: Bearer $TOKEN\"";
        final List<String> lines = new ArrayList<>();
        lines.add("export TOKEN=" + tokens.tenant());
        lines.add("curl -s " + auth + " " + api + "/v1/groups");
        lines.add("curl -s " + auth + " '" + api + "/v1/candidates?item=gpu-a100:1&port=direct:physnet1'");
        lines.add("curl -s " + auth + " -H 'Content-Type: application/json' -X POST " + api + "/v1/claims -d '"
                + "{\"claim_id\": \"" + CLAIM_ID + "\", \"instance\": \"vm-1\", "
                + gpu.map(found -> "\"host\": \"" + found.host() + "\", ").orElse("")
                + "\"items\": [{\"group\": \"gpu-a100\", \"count\": 1}, {\"group\": \"physnet1\", \"vnic_type\": \"direct\"}],"
                + " \"ttl_seconds\": 600}'");
        lines.add("curl -s " + auth + " -X POST " + api + "/v1/claims/" + CLAIM_ID + "/confirm");
        lines.add("curl -s " + auth + " " + api + "/v1/claims/" + CLAIM_ID);
        gpu.ifPresent(found -> lines.add("curl -s " + auth + " " + api + "/v1/hosts/" + found.host() + "/devices/"
                + found.address() + "/history"));
        lines.add("curl -s " + auth + " -X DELETE " + api + "/v1/claims/" + CLAIM_ID);
        return lines;
    }

    /**
     * The GPU a claim of one {@code gpu-a100} on its host gets first (the lowest address of the first host that has
     * one), once the ledger holds the fleet; empty if no host has one, or the ledger has not folded them in
     * {@code wait}.
     */
    static Optional<DemoGpu> firstGpu(final LocalLedgerReads reads, final List<String> hosts, final Duration wait)
            throws InterruptedException {
        final long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (hosts.stream().allMatch(host -> reads.host(host).isPresent())) {
                    for (final String host : hosts) {
                        final Optional<String> gpu = reads.host(host).orElseThrow().devices().stream()
                                .filter(device -> "gpu-a100".equals(device.group()))
                                .map(LedgerDevice::address)
                                .min(Comparator.naturalOrder());
                        if (gpu.isPresent()) {
                            return Optional.of(new DemoGpu(host, gpu.get()));
                        }
                    }
                    return Optional.empty();
                }
            } catch (final StoreUnavailableException notYet) {
                // starting or rebalancing: ask again
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }
}
