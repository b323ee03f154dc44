package io.pciledger.cli;

import io.pciledger.query.auth.TokenHash;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The bearer tokens of {@code pci-ledger dev}: an admin ({@code ops}) and a tenant ({@code demo}), made at random on
 * the first run and kept in the data folder, so a second run prints the same ones. The clear tokens are in
 * {@code demo-tokens.properties} (owner-only), their hashes in {@code tokens.json}, the file the API reads.
 *
 * @param admin  the admin's token
 * @param tenant the tenant {@code demo}'s token
 * @param file   the token file for {@code query.auth.tokens.file}
 */
record DemoTokens(String admin, String tenant, Path file) {

    static final String TENANT = "demo";

    static DemoTokens ensure(final Path dataRoot) throws IOException {
        final Path clear = dataRoot.resolve("demo-tokens.properties");
        final Properties tokens = new Properties();
        if (Files.exists(clear)) {
            try (Reader reader = Files.newBufferedReader(clear)) {
                tokens.load(reader);
            }
        } else {
            tokens.setProperty("admin", random());
            tokens.setProperty("tenant", random());
            Files.createFile(clear);
            try {
                Files.setPosixFilePermissions(clear, PosixFilePermissions.fromString("rw-------"));
            } catch (final UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the folder's own protection applies
            }
            try (Writer writer = Files.newBufferedWriter(clear)) {
                tokens.store(writer, "pci-ledger dev: demo bearer tokens (their SHA-256 is in tokens.json)");
            }
        }
        final DemoTokens demo = new DemoTokens(tokens.getProperty("admin"), tokens.getProperty("tenant"),
                dataRoot.resolve("tokens.json"));
        Files.writeString(demo.file(), "{\"tokens\": [\n"
                + "  {\"sha256\": \"" + TokenHash.of(demo.admin()) + "\", \"tenant\": \"ops\", \"role\": \"admin\"},\n"
                + "  {\"sha256\": \"" + TokenHash.of(demo.tenant()) + "\", \"tenant\": \"" + TENANT
                + "\", \"role\": \"tenant\"}\n]}\n");
        return demo;
    }

    private static String random() {
        final byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
