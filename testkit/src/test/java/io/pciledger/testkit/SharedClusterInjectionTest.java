package io.pciledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@KafkaTest
class SharedClusterInjectionTest {

    private static KafkaCluster beforeAllCluster;

    private final KafkaCluster constructorCluster;

    SharedClusterInjectionTest(final KafkaCluster kafka) {
        this.constructorCluster = kafka;
    }

    @BeforeAll
    static void rememberCluster(final KafkaCluster kafka) {
        beforeAllCluster = kafka;
    }

    @Test
    void constructorBeforeAllAndTestMethodGetTheOneSharedCluster(final KafkaCluster kafka) {
        assertThat(constructorCluster).isSameAs(kafka);
        assertThat(beforeAllCluster).isSameAs(kafka);
        assertThat(kafka.bootstrapServers()).isEqualTo(FirstSharedCluster.rememberedOr(kafka).bootstrapServers());
    }
}
