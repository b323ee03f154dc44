package io.pciledger.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

    @Test
    void defaultsSuitASingleBroker() {
        final TopicSettings settings = TopicSettings.defaults();

        assertThat(settings.partitions()).isEqualTo(6);
        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
        assertThat(settings.minInsyncReplicas()).isEqualTo(1);
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void replicationFactorThreeDefaultsToMinInsyncTwo() {
        final Properties properties = new Properties();
        properties.setProperty(TopicSettings.REPLICATION_FACTOR, "3");

        assertThat(TopicSettings.fromProperties(properties).minInsyncReplicas()).isEqualTo(2);
    }

    @Test
    void nonNumericValueNamesItsKey() {
        final Properties properties = new Properties();
        properties.setProperty(TopicSettings.PARTITIONS, "six");

        assertThatThrownBy(() -> TopicSettings.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topics.partitions must be a whole number, was 'six'");
    }

    @Test
    void minInsyncAboveReplicationFactorIsRejected() {
        final Properties properties = new Properties();
        properties.setProperty(TopicSettings.REPLICATION_FACTOR, "2");
        properties.setProperty(TopicSettings.MIN_INSYNC_REPLICAS, "3");

        assertThatThrownBy(() -> TopicSettings.fromProperties(properties))
                .hasMessageContaining("topics.min.insync.replicas=3 is more than topics.replication.factor=2");
    }

    @Test
    void zeroPartitionsIsRejected() {
        assertThatThrownBy(() -> TopicSettings.forReplicationFactor(0, 1))
                .hasMessage("topics.partitions must be at least 1, was 0");
    }

    @Test
    void topicPrefixRejectsCharactersKafkaDoesNotAllow() {
        assertThatThrownBy(() -> TopicNames.withPrefix("my ledger/"))
                .hasMessageContaining("topic prefix 'my ledger/'");
        assertThat(TopicNames.withPrefix("staging.").of(Topics.LEDGER)).isEqualTo("staging.pci.ledger");
    }
}
