package io.pciledger.cli.audit;

/**
 * One way the replayed ledger and the live state disagree, as {@code pci-ledger verify} lists it.
 *
 * @param host     the host, or null for a fleet-wide figure (a group's counts)
 * @param subject  what on the host: {@code host}, {@code device 0000:3b:02.1}, {@code claim c-1},
 *                 {@code pool gpu/type-PCI/numa 0}, {@code listing} (its line in {@code GET /v1/hosts}), or
 *                 {@code group gpu-a100}
 * @param field    the member that differs, as the API names it (e.g. {@code status}, {@code ledger_seq})
 * @param replayed its value in the replay
 * @param live     its value in the API's answer
 */
public record Difference(String host, String subject, String field, String replayed, String live) {

    @Override
    public String toString() {
        return (host == null ? "fleet" : "host " + host) + ", " + subject + ": " + field + " replayed " + replayed
                + ", live " + live;
    }
}
