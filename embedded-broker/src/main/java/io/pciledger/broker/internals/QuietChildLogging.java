package io.pciledger.broker.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The logging configuration of the child JVMs: warnings and errors only, on standard output, which
 * the launcher sends to the node's {@code output.log}.
 *
 * <p>The child shares its parent's class path, which may well contain logback-classic; without its
 * own configuration logback would log every INFO line of a busy broker. Kafka's own logging goes
 * through SLF4J, so a class path without an SLF4J provider leaves the brokers silent instead.
 */
public final class QuietChildLogging {

    private static final String LOGBACK_XML = """
            <configuration>
              <appender name="OUTPUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder>
                  <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
                </encoder>
              </appender>
              <root level="WARN">
                <appender-ref ref="OUTPUT"/>
              </root>
            </configuration>
            """;

    private QuietChildLogging() {
    }

    /**
     * Writes the configuration to the given file and returns the JVM options that select it.
     *
     * @param configFile where to write the logback configuration
     * @return the {@code -D} option a child JVM needs to use it
     */
    public static String writeTo(final Path configFile) {
        try {
            Files.writeString(configFile, LOGBACK_XML, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not write the child JVM logging configuration " + configFile, e);
        }
        return "-Dlogback.configurationFile=" + configFile;
    }
}
