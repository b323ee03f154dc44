package io.pciledger.query.auth;

import java.util.Map;
import java.util.Optional;

/** Maps an {@code Authorization: Bearer <token>} header to the {@link Principal} the token was issued to. */
public final class Authenticator {

    private static final String BEARER = "Bearer ";

    private final Map<String, Principal> byTokenHash;

    public Authenticator(final Map<String, Principal> byTokenHash) {
        this.byTokenHash = Map.copyOf(byTokenHash);
    }

    /** Who presents {@code authorizationHeader}, or empty when it is missing, not a bearer token, or unknown. */
    public Optional<Principal> authenticate(final String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        final String token = authorizationHeader.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byTokenHash.get(TokenHash.of(token)));
    }
}
