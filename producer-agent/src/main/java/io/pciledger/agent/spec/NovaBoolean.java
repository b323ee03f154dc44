package io.pciledger.agent.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A boolean-like configuration value as Nova reads one (oslo's {@code bool_from_string}): one of
 * {@code 1 t true on y yes} or {@code 0 f false off n no}, case-insensitive, surrounding blanks ignored;
 * a JSON boolean as itself. Used for the {@code remote_managed} tag and the alias's {@code live_migratable}.
 */
final class NovaBoolean {

    private static final List<String> TRUE_WORDS = List.of("1", "t", "true", "on", "y", "yes");
    private static final List<String> FALSE_WORDS = List.of("0", "f", "false", "off", "n", "no");

    /** The accepted words, as a message lists them. */
    static final String ACCEPTED = "'0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'";

    private NovaBoolean() {
    }

    /** The lenient reading: anything that is not one of the true words (a missing value included) is false. */
    static boolean isTrue(final JsonNode value) {
        return strict(value).orElse(false);
    }

    /** The strict reading: empty when the value is none of the words. */
    static Optional<Boolean> strict(final JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        return strict(value.asText());
    }

    static Optional<Boolean> strict(final String text) {
        final String word = text.strip().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return Optional.of(true);
        }
        if (FALSE_WORDS.contains(word)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
