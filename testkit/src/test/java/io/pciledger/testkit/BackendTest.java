package io.pciledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendTest {

    @Test
    void unsetPropertyMeansEmbedded() {
        assertThat(Backend.fromProperty(null)).isEqualTo(Backend.EMBEDDED);
        assertThat(Backend.fromProperty(" ")).isEqualTo(Backend.EMBEDDED);
    }

    @Test
    void propertyNamesABackendInAnyCase() {
        assertThat(Backend.fromProperty("embedded")).isEqualTo(Backend.EMBEDDED);
        assertThat(Backend.fromProperty("TestContainers")).isEqualTo(Backend.TESTCONTAINERS);
    }

    @Test
    void unknownPropertyValueIsRejectedNamingThePropertyAndTheChoices() {
        assertThatThrownBy(() -> Backend.fromProperty("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafka.backend must be 'embedded' or 'testcontainers', got 'docker'");
    }

    @Test
    void explicitBackendIgnoresTheProperty() {
        assertThat(Backend.TESTCONTAINERS.resolve()).isEqualTo(Backend.TESTCONTAINERS);
        assertThat(Backend.EMBEDDED.resolve()).isEqualTo(Backend.EMBEDDED);
    }
}
