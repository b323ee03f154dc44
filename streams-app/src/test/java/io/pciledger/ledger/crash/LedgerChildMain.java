package io.pciledger.ledger.crash;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.topology.LedgerStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The ledger alone in a JVM, for {@link LedgerCrashTest} to kill: reads a {@link LedgerConfig} from the properties
 * file named by its one argument, runs {@link LedgerStreams#create} until it is killed, and prints every state
 * change as a line {@value #STATE_LINE}{@code <state> at <instant>} on standard output.
 *
 * <p>It never closes the ledger: it ends by {@code kill -9}, by halting when its standard input reaches
 * end-of-file (the parent is gone, so no orphan outlives a failed test), or with exit code 1 when the ledger
 * stops by itself (an error).
 */
public final class LedgerChildMain {

    /** What a state-change line starts with. */
    public static final String STATE_LINE = "ledger state: ";

    private LedgerChildMain() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("expected one argument, the ledger's properties file; got "
                    + args.length);
        }
        haltWhenParentIsGone();
        final KafkaStreams ledger = LedgerStreams.create(new LedgerConfig(read(Path.of(args[0]))));
        final CountDownLatch stopped = new CountDownLatch(1);
        ledger.setStateListener((now, before) -> {
            System.out.println(STATE_LINE + now + " at " + Instant.now());
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        ledger.start();
        stopped.await();
        System.exit(1);
    }

    private static Map<String, Object> read(final Path file) throws IOException {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        final Map<String, Object> values = new HashMap<>();
        properties.forEach((key, value) -> values.put((String) key, value));
        return values;
    }

    /** Halts, as abruptly as a kill, once standard input ends: the parent holding the pipe has exited. */
    private static void haltWhenParentIsGone() {
        final Thread watch = new Thread(() -> {
            final InputStream input = System.in;
            final byte[] buffer = new byte[64];
            try {
                while (input.read(buffer) >= 0) {
                    // The parent never writes.
                }
            } catch (final IOException closed) {
                // A broken pipe means the same: the parent is gone.
            }
            Runtime.getRuntime().halt(2);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
