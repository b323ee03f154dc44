package io.pciledger.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.schemas.deadletter.DeadLetter;
import io.pciledger.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    @Test
    void undecodableRecordIsWrittenAsADeadLetterAndTheLedgerGoesOn() {
        final DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(DeadLetterHandler.TOPIC_CONFIG, "test.pci.dead-letters"));
        final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("test.pci.inventory", 3, 42L,
                "compute-1".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});

        final Response response = handler.handleError(context(), record,
                new SerializationException("3 bytes are too short"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("test.pci.dead-letters");
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("test.pci.inventory");
            final DeadLetter value = decode(letter);
            assertThat(value.getSourceTopic()).isEqualTo("test.pci.inventory");
            assertThat(value.getPartition()).isEqualTo(3);
            assertThat(value.getOffset()).isEqualTo(42L);
            assertThat(value.getValue().array()).containsExactly(1, 2, 3);
            assertThat(StandardCharsets.UTF_8.decode(value.getKey()).toString()).isEqualTo("compute-1");
            assertThat(value.getReason()).contains("3 bytes are too short");
            assertThat(value.getComponent()).isEqualTo(DeadLetterHandler.COMPONENT);
        });
    }

    @Test
    void handlerWithoutATopicIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new DeadLetterHandler().configure(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(DeadLetterHandler.TOPIC_CONFIG);
    }

    private static DeadLetter decode(final ProducerRecord<byte[], byte[]> letter) {
        return Topics.DEAD_LETTERS.valueSerde().deserializer().deserialize(letter.topic(), letter.value());
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "test.pci.inventory";
            }

            @Override
            public int partition() {
                return 3;
            }

            @Override
            public long offset() {
                return 42L;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "inventory-source";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 3);
            }

            @Override
            public long timestamp() {
                return 1_772_352_000_000L;
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return null;
            }
        };
    }
}
