package io.pciledger.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.schemas.ledger.LedgerEvent;
import io.pciledger.schemas.serde.AvroSerde;
import org.junit.jupiter.api.Test;

class TopicDefinitionTest {

    @Test
    void aTopicsValueSerdeIsMadeOnceAndShared() {
        final AvroSerde<LedgerEvent> first = Topics.LEDGER.valueSerde();

        assertThat(Topics.LEDGER.valueSerde()).isSameAs(first);
        assertThat(Topics.INVENTORY.valueSerde()).isNotSameAs(first);
    }

    @Test
    void topicsWithTheSameValueTypeShareItsSerde() {
        final TopicDefinition<LedgerEvent> sameType = new TopicDefinition<>("audit-copy", "host", LedgerEvent.class,
                Topics.LEDGER.retention(), false);

        assertThat(sameType.valueSerde()).isSameAs(Topics.LEDGER.valueSerde());
    }
}
