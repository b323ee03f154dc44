package io.pciledger.query.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the bearer tokens from a JSON file; each token is stored as its SHA-256 ({@link TokenHash}):
 *
 * <pre>
 * {"tokens": [
 *   {"sha256": "9f86d081...", "tenant": "acme", "role": "tenant"},
 *   {"sha256": "60303ae2...", "tenant": "ops", "role": "admin"}
 * ]}
 * </pre>
 *
 * {@code pci-ledger token} (or {@code sha256sum}) gives the hash of a new token.
 */
public final class TokenFile {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenFile() {
    }

    /**
     * @throws IllegalArgumentException naming the file and the entry that is wrong
     */
    public static Authenticator load(final Path file) {
        final JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (final IOException unreadable) {
            throw new IllegalArgumentException("cannot read the token file " + file + ": " + unreadable.getMessage(),
                    unreadable);
        }
        return new Authenticator(parse(root, file.toString()));
    }

    static Map<String, Principal> parse(final JsonNode root, final String source) {
        final JsonNode tokens = root == null ? null : root.get("tokens");
        if (tokens == null || !tokens.isArray()) {
            throw new IllegalArgumentException(source + ": expected {\"tokens\": [...]}");
        }
        final Map<String, Principal> byHash = new HashMap<>();
        for (int index = 0; index < tokens.size(); index++) {
            final JsonNode entry = tokens.get(index);
            final String where = source + ": tokens[" + index + "]";
            final String hash = text(entry, "sha256", where).toLowerCase(java.util.Locale.ROOT);
            if (!SHA_256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException(where + ".sha256 is not 64 hex digits");
            }
            final Principal principal;
            try {
                principal = new Principal(text(entry, "tenant", where), Role.parse(text(entry, "role", where)));
            } catch (final IllegalArgumentException wrongRole) {
                throw new IllegalArgumentException(where + ".role: " + wrongRole.getMessage(), wrongRole);
            }
            if (byHash.put(hash, principal) != null) {
                throw new IllegalArgumentException(where + " repeats a token already listed");
            }
        }
        return byHash;
    }

    private static String text(final JsonNode entry, final String field, final String where) {
        final JsonNode value = entry == null ? null : entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs a non-empty string \"" + field + "\"");
        }
        return value.asText();
    }
}
