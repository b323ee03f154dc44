package io.pciledger.testkit;

import java.util.Locale;

/** Where the cluster of a {@link KafkaTest} runs. */
public enum Backend {

    /** Whatever the system property {@code kafka.backend} says: {@code embedded} (the default) or {@code testcontainers}. */
    DEFAULT,

    /** Kafka nodes in child JVMs on loopback, from the jars on the class path: needs nothing else. */
    EMBEDDED,

    /** The {@code apache/kafka} image under Testcontainers: needs a reachable Docker engine. */
    TESTCONTAINERS;

    /** The system property that chooses the backend for {@link #DEFAULT}. */
    public static final String PROPERTY = "kafka.backend";

    /**
     * The backend a test actually gets: this one, or for {@link #DEFAULT} the one the system property names.
     *
     * @return {@link #EMBEDDED} or {@link #TESTCONTAINERS}
     * @throws IllegalArgumentException if the system property names no backend
     */
    public Backend resolve() {
        return this == DEFAULT ? fromProperty(System.getProperty(PROPERTY)) : this;
    }

    /**
     * Reads a value of the {@code kafka.backend} property.
     *
     * @param value {@code embedded} or {@code testcontainers}, any case; null or blank means embedded
     * @return the backend it names
     * @throws IllegalArgumentException naming the property and the values it accepts
     */
    public static Backend fromProperty(final String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be 'embedded' or 'testcontainers', got '" + value + "'");
        };
    }
}
