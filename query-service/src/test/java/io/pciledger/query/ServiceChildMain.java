package io.pciledger.query;

import io.pciledger.query.config.QueryServiceConfig;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A query-service instance in its own JVM, for tests that kill it with {@code SIGKILL}: configured by the
 * properties file named by its argument, it prints {@value #READY} and its port once ready, and halts when its
 * standard input closes (its parent died), so no instance outlives a broken test.
 */
public final class ServiceChildMain {

    static final String READY = "SERVICE READY port=";
    /** How long it may take to become ready before it gives up: long, for a starved 2-core machine. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private ServiceChildMain() {
    }

    public static void main(final String[] args) throws Exception {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        final Map<String, Object> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        final QueryService service = QueryService.start(new QueryServiceConfig(settings), Clock.systemUTC());
        final Thread watchdog = new Thread(() -> {
            try (InputStream parent = System.in) {
                while (parent.read() >= 0) {
                    // nothing is ever written; end of stream means the parent is gone
                }
            } catch (final java.io.IOException gone) {
                // the same
            }
            Runtime.getRuntime().halt(2);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        if (!service.awaitReady(READY_TIMEOUT)) {
            System.out.println("SERVICE NOT READY " + service.readiness());
            Runtime.getRuntime().halt(1);
        }
        System.out.println(READY + service.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
