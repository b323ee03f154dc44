package io.pciledger.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentDeathTest {

    @TempDir
    Path workDir;

    @Test
    void brokerExitsWhenItsParentJvmIsKilled() throws Exception {
        final Process parent = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ClusterHolderMain.class.getName(), workDir.resolve("data").toString())
                .redirectError(workDir.resolve("parent-stderr.log").toFile())
                .start();
        try {
            final ProcessHandle broker = ProcessHandle.of(firstBrokerPid(parent)).orElseThrow();

            parent.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(20)).until(() -> !broker.isAlive());
        } finally {
            parent.destroyForcibly();
        }
    }

    private static long firstBrokerPid(final Process parent) throws Exception {
        final BufferedReader output = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        final String line = CompletableFuture.supplyAsync(() -> output.lines()
                        .filter(candidate -> candidate.startsWith(ClusterHolderMain.PID_LINE))
                        .findFirst().orElse("(the parent exited without starting a broker)"))
                .get(RecordRoundTrip.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(line).startsWith(ClusterHolderMain.PID_LINE);
        return Long.parseLong(line.substring(ClusterHolderMain.PID_LINE.length()).trim());
    }
}
