package io.pciledger.bench;

import io.pciledger.ledger.avro.HostPoolRecords;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Seeds {@code pci.host-pools} directly, for the candidates benchmark: {@code GET /v1/candidates} is computed from
 * that table alone, so a fleet of 10,000 hosts needs no 10,000 inventories folded by a ledger first (which would
 * take minutes and measure the fold, not the candidates). Each host's pools are those of a {@link TypicalHost}
 * with a random part of each pool in use (seeded, so every run sees the same fleet) and one host in a hundred
 * stale. The records are written as the ledger writes them ({@link HostPoolRecords}) by an idempotent producer
 * with {@code acks=all}; they are not transactional, and a {@code read_committed} consumer, as the service's
 * {@code CommittedTable} is, reads such records as soon as they are acknowledged.
 */
final class HostPoolsSeeder {

    private HostPoolsSeeder() {
    }

    /** Writes the pools of hosts {@code 0 .. hosts-1}; returns how many of them are stale. */
    static int seed(final Map<String, Object> clientProperties, final TopicNames names, final int hosts) {
        final Map<String, Object> producerSettings = new HashMap<>(clientProperties);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        final Random random = new Random(42);
        int stale = 0;
        final Instant now = Instant.now();
        try (KafkaProducer<String, io.pciledger.schemas.derived.HostPools> producer = new KafkaProducer<>(
                producerSettings, new StringSerializer(), Topics.HOST_POOLS.valueSerde().serializer())) {
            for (int index = 0; index < hosts; index++) {
                final boolean isStale = random.nextInt(100) == 0;
                stale += isStale ? 1 : 0;
                final HostPools pools = partlyUsed(TypicalHost.name(index), TypicalHost.devices(index), isStale,
                        random);
                producer.send(new ProducerRecord<>(names.of(Topics.HOST_POOLS), pools.host(),
                        HostPoolRecords.toAvro(pools, now, now)));
            }
            producer.flush();
        }
        return stale;
    }

    /** The pools of {@code devices}, each with a random number of devices in use (all of them when stale). */
    static HostPools partlyUsed(final String host, final List<Device> devices, final boolean stale,
            final Random random) {
        final Map<PoolKey, Integer> totals = new LinkedHashMap<>();
        for (final Device device : devices) {
            totals.merge(new PoolKey(device.group(), device.devType(), device.numaNode()), 1, Integer::sum);
        }
        final List<Pool> pools = new ArrayList<>();
        totals.forEach((key, total) -> pools.add(new Pool(key.group(), key.devType(), key.numaNode(), total,
                stale ? 0 : total - random.nextInt(total + 1))));
        return new HostPools(host, stale, pools);
    }

    private record PoolKey(String group, DevType devType, Integer numaNode) {
        PoolKey {
            Objects.requireNonNull(group, "group");
        }
    }
}
