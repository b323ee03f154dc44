package io.pciledger.query.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tokens are stored as the lower-case hex SHA-256 of the token, so the token file does not give tokens away.
 * Tokens are long random strings, so an unsalted fast hash is enough (there is nothing to guess by dictionary).
 */
public final class TokenHash {

    private TokenHash() {
    }

    public static String of(final String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
