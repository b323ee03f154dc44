package io.pciledger.schemas.topic;

import java.util.List;

/**
 * What topic provisioning did: the topics it created, the ones that already existed and fit, and
 * warnings about differences it accepted (e.g. a partition count other than configured, taken from
 * existing co-partitioned topics).
 */
public record ProvisioningReport(List<String> created, List<String> existing, List<String> warnings, int partitions) {

    public ProvisioningReport {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
        warnings = List.copyOf(warnings);
    }
}
