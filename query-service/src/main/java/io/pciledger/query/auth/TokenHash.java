package io.pciledger.query.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tokens are stored as the lower-case hex SHA-256 of the token, so the token file does not give tokens away.
 * Tokens are long random strings, so an unsalted fast hash is enough (there is nothing to guess by dictionary).
 *
 * <p>Every authenticated request hashes its token, so each thread keeps its digest: looking one up
 * ({@link MessageDigest#getInstance}) costs many times what hashing a token does.
 */
public final class TokenHash {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    private TokenHash() {
    }

    public static String of(final String token) {
        // digest() resets the digest, so the thread's next token starts afresh.
        return HEX.formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
