package io.pciledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class CommonPoolSizeTest {

    @Test
    void aSmallMachineGetsTwoCommonPoolThreads() {
        final Properties properties = new Properties();
        CommonPoolSize.atLeastTwo(properties, 2);

        assertThat(properties.getProperty(CommonPoolSize.PARALLELISM)).isEqualTo("2");
    }

    @Test
    void aLargerMachineKeepsTheJvmDefault() {
        final Properties properties = new Properties();
        CommonPoolSize.atLeastTwo(properties, 8);

        assertThat(properties.getProperty(CommonPoolSize.PARALLELISM)).isNull();
    }

    @Test
    void anOperatorsOwnSettingStands() {
        final Properties properties = new Properties();
        properties.setProperty(CommonPoolSize.PARALLELISM, "1");
        CommonPoolSize.atLeastTwo(properties, 1);

        assertThat(properties.getProperty(CommonPoolSize.PARALLELISM)).isEqualTo("1");
    }
}
