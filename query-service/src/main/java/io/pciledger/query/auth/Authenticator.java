package io.pciledger.query.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps an {@code Authorization: Bearer <token>} header to the {@link Principal} the token was issued to.
 *
 * <p>The headers that named a principal are remembered (up to {@value #REMEMBERED_HEADERS} of them), so a client
 * that calls again is not hashed again: every authenticated request would otherwise hash its token. Headers that
 * named nobody are never remembered, so unknown tokens cannot fill the memory; the tokens are held in memory as
 * any request's header is, never written anywhere.
 */
public final class Authenticator {

    private static final String BEARER = "Bearer ";
    private static final int REMEMBERED_HEADERS = 1_024;

    private final Map<String, Principal> byTokenHash;
    private final Map<String, Optional<Principal>> byKnownHeader = new ConcurrentHashMap<>();

    public Authenticator(final Map<String, Principal> byTokenHash) {
        this.byTokenHash = Map.copyOf(byTokenHash);
    }

    /** Who presents {@code authorizationHeader}, or empty when it is missing, not a bearer token, or unknown. */
    public Optional<Principal> authenticate(final String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        final Optional<Principal> known = byKnownHeader.get(authorizationHeader);
        if (known != null) {
            return known;
        }
        final Optional<Principal> principal = lookUp(authorizationHeader);
        if (principal.isPresent() && byKnownHeader.size() < REMEMBERED_HEADERS) {
            byKnownHeader.put(authorizationHeader, principal);
        }
        return principal;
    }

    private Optional<Principal> lookUp(final String authorizationHeader) {
        if (!authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        final String token = authorizationHeader.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byTokenHash.get(TokenHash.of(token)));
    }
}
