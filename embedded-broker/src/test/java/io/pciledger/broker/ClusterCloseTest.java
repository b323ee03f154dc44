package io.pciledger.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClusterCloseTest {

    @Test
    void closeLeavesNoChildProcessAndNoTemporaryDataBehind() {
        final Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        final EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start();
        final Path dataDir = kafka.dataDir();
        final List<ProcessHandle> started = ProcessHandle.current().descendants()
                .filter(process -> !before.contains(process.pid())).toList();

        kafka.close();
        kafka.close();

        assertThat(started).as("processes the cluster started").isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(dataDir).doesNotExist();
    }
}
