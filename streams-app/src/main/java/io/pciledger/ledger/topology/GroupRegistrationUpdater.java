package io.pciledger.ledger.topology;

import io.pciledger.ledger.avro.GroupRegistrations;
import io.pciledger.schemas.group.GroupRegistration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@code groups} store equal to topic {@code pci.groups}: a registration is stored under its
 * group, a deletion marker or tombstone removes it. Every ledger instance holds all groups, so any task can
 * decide whether a tenant may claim a private group.
 */
final class GroupRegistrationUpdater implements Processor<String, GroupRegistration, Void, Void> {

    private KeyValueStore<String, GroupRegistration> groups;

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        groups = context.getStateStore(LedgerTopology.GROUPS_STORE);
    }

    @Override
    public void process(final Record<String, GroupRegistration> record) {
        final String group = record.value() == null ? record.key() : record.value().getGroup();
        if (group == null) {
            return;
        }
        if (GroupRegistrations.toDomain(record.value()).isPresent()) {
            groups.put(group, record.value());
        } else {
            groups.delete(group);
        }
    }
}
