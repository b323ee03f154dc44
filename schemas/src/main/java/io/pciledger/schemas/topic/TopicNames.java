package io.pciledger.schemas.topic;

import java.util.regex.Pattern;

/**
 * Turns topic definitions into the names used on a cluster. The default has no prefix; a prefix
 * such as {@code staging.} lets two ledgers share one Kafka cluster (and tests share one broker).
 */
public final class TopicNames {

    public static final TopicNames DEFAULT = new TopicNames("");

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");

    private final String prefix;

    private TopicNames(final String prefix) {
        this.prefix = prefix;
    }

    /**
     * @throws IllegalArgumentException when the prefix has characters Kafka does not allow in topic names
     */
    public static TopicNames withPrefix(final String prefix) {
        if (prefix == null || !LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "topic prefix '" + prefix + "' may only contain letters, digits, '.', '_' and '-'");
        }
        return new TopicNames(prefix);
    }

    public String prefix() {
        return prefix;
    }

    public String of(final TopicDefinition<?> topic) {
        return prefix + topic.name();
    }
}
