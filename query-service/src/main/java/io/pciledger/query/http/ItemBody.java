package io.pciledger.query.http;

import io.pciledger.ledger.domain.NumaPolicy;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.VnicType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One request item as JSON: {@code {"group": "gpu-a100", "count": 2}} for devices, or
 * {@code {"group": "physnet1", "vnic_type": "direct"}} for a port (one device, or none for {@code normal}); either
 * with an optional {@code numa_node} and {@code numa_policy} ({@code required}, {@code preferred}, {@code legacy}).
 */
record ItemBody(String group, Integer count, String vnicType, Integer numaNode, String numaPolicy) {

    RequestItem toDomain(final String where) {
        RequestItem item;
        if (vnicType != null) {
            if (count != null && count != 1) {
                throw ApiProblem.badRequest(where + ": a port takes one device; leave out 'count'");
            }
            final VnicType vnic = vnicType(where);
            item = vnic == VnicType.NORMAL && group == null ? RequestItem.normalPort() : RequestItem.port(vnic, group);
        } else {
            item = RequestItem.devices(group, count == null ? 1 : count);
        }
        if (numaNode != null) {
            item = item.onNumaNode(numaNode, numaPolicy == null ? NumaPolicy.LEGACY : numaPolicy(where));
        } else if (numaPolicy != null) {
            throw ApiProblem.badRequest(where + ": 'numa_policy' needs a 'numa_node'");
        }
        return item;
    }

    private VnicType vnicType(final String where) {
        for (final VnicType type : VnicType.values()) {
            if (type != VnicType.UNKNOWN && type.neutronName().equals(vnicType)) {
                return type;
            }
        }
        throw ApiProblem.badRequest(where + ": unknown vnic_type '" + vnicType + "'; expected one of "
                + Arrays.stream(VnicType.values()).filter(type -> type != VnicType.UNKNOWN)
                        .map(VnicType::neutronName).collect(Collectors.joining(", ")));
    }

    private NumaPolicy numaPolicy(final String where) {
        for (final NumaPolicy policy : NumaPolicy.values()) {
            if (policy != NumaPolicy.UNKNOWN && policy.novaName().equals(numaPolicy.toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw ApiProblem.badRequest(where + ": unknown numa_policy '" + numaPolicy
                + "'; expected required, preferred, legacy or socket");
    }
}
