package io.pciledger.ledger.domain;

/**
 * The devices of one group, device type and NUMA node on a host: Nova's pool, which the scheduler reads as
 * "group: free count".
 *
 * @param group    the PCI group
 * @param devType  PCI, PF or VF
 * @param numaNode the NUMA node, or null for devices without NUMA information
 * @param total    every device of the pool the ledger holds: free, blocked, claimed and lost
 * @param free     the devices a claim could take now ({@link Availability#AVAILABLE}): not claimed, not lost,
 *                 not blocked by PF/VF exclusivity, and none at all while the host is stale
 */
public record Pool(String group, DevType devType, Integer numaNode, int total, int free) {
}
