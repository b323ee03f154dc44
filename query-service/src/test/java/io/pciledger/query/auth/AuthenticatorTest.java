package io.pciledger.query.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {

    @TempDir
    Path dir;

    private Authenticator load(final String json) throws Exception {
        final Path file = dir.resolve("tokens.json");
        Files.writeString(file, json);
        return TokenFile.load(file);
    }

    @Test
    void aBearerTokenMapsToItsTenantAndRoleByItsHash() throws Exception {
        final Authenticator authenticator = load("{\"tokens\": [{\"sha256\": \"" + TokenHash.of("s3cret")
                + "\", \"tenant\": \"acme\", \"role\": \"tenant\"}]}");

        assertThat(authenticator.authenticate("Bearer s3cret")).contains(new Principal("acme", Role.TENANT));
        assertThat(authenticator.authenticate("bearer s3cret")).contains(new Principal("acme", Role.TENANT));
        assertThat(authenticator.authenticate("Bearer wrong")).isEmpty();
        assertThat(authenticator.authenticate("Basic czNjcmV0")).isEmpty();
        assertThat(authenticator.authenticate(null)).isEmpty();
        assertThat(authenticator.authenticate("Bearer ")).isEmpty();
    }

    @Test
    void everyTokenIsRecognisedEveryTimeHoweverManyAreInUse() {
        final java.util.Map<String, Principal> byHash = new java.util.HashMap<>();
        for (int index = 0; index < 1_500; index++) {
            byHash.put(TokenHash.of("token-" + index), new Principal("tenant-" + index, Role.TENANT));
        }
        final Authenticator authenticator = new Authenticator(byHash);

        for (int round = 0; round < 2; round++) {
            for (int index = 0; index < 1_500; index++) {
                assertThat(authenticator.authenticate("Bearer token-" + index))
                        .contains(new Principal("tenant-" + index, Role.TENANT));
                assertThat(authenticator.authenticate("Bearer unknown-" + index)).isEmpty();
            }
        }
    }

    @Test
    void theFileHoldsHashesNotTokens() throws Exception {
        final String hash = TokenHash.of("s3cret");

        assertThat(hash).hasSize(64).doesNotContain("s3cret");
        assertThat(load("{\"tokens\": [{\"sha256\": \"" + hash.toUpperCase() + "\", \"tenant\": \"ops\","
                + " \"role\": \"ADMIN\"}]}").authenticate("Bearer s3cret"))
                .contains(new Principal("ops", Role.ADMIN));
    }

    @Test
    void aWrongEntryIsRefusedNamingIt() {
        assertThatThrownBy(() -> load("{\"tokens\": [{\"sha256\": \"abc\", \"tenant\": \"a\", \"role\": \"tenant\"}]}"))
                .hasMessageContaining("tokens[0].sha256");
        assertThatThrownBy(() -> load("{\"tokens\": [{\"sha256\": \"" + TokenHash.of("x")
                + "\", \"tenant\": \"a\", \"role\": \"root\"}]}"))
                .hasMessageContaining("tokens[0].role").hasMessageContaining("admin, tenant or reader");
        assertThatThrownBy(() -> load("{\"tokens\": [{\"sha256\": \"" + TokenHash.of("x") + "\", \"role\": \"tenant\"}]}"))
                .hasMessageContaining("\"tenant\"");
        assertThatThrownBy(() -> load("[]")).hasMessageContaining("expected {\"tokens\"");
        assertThatThrownBy(() -> TokenFile.load(dir.resolve("missing.json")))
                .hasMessageContaining("cannot read the token file");
    }

    @Test
    void readersAndAdminsSeeEveryGroupTenantsThePublicOnesAndTheirOwn() {
        final var privateToAcme = java.util.Optional.of(
                io.pciledger.ledger.domain.GroupRegistration.privateGroup("gpu", "acme"));

        assertThat(GroupAccess.sees(new Principal("acme", Role.TENANT), privateToAcme)).isTrue();
        assertThat(GroupAccess.sees(new Principal("other", Role.TENANT), privateToAcme)).isFalse();
        assertThat(GroupAccess.sees(new Principal("other", Role.TENANT), java.util.Optional.empty())).isTrue();
        assertThat(GroupAccess.sees(new Principal("ops", Role.ADMIN), privateToAcme)).isTrue();
        assertThat(GroupAccess.sees(new Principal("audit", Role.READER), privateToAcme)).isTrue();
    }
}
