package io.pciledger.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical hash of a claim request: equal for two requests that ask for the same thing, different
 * otherwise. The ledger stores it with every claim and refusal, so that a retry of a claim id is recognised
 * (same hash: the first answer again) and a reuse of it for something else is refused
 * ({@code CLAIM_ID_CONFLICT}).
 *
 * <p>What is hashed: tenant, instance, {@code allow_non_migratable}, time-to-live in milliseconds, and each
 * item in request order (item order matters: devices report the index of their item) with its group, count,
 * vnic type, NUMA node and NUMA policy. The claim id is not hashed (it is the key), nor the requester or the
 * target host. Two spellings of the same item hash equal: a {@code normal} port's group is dropped (it takes
 * no device), a NUMA policy without a node is dropped, and a node without a policy gets {@code legacy}.
 *
 * <p>Canonical form, version 1: the line {@code claim-request/v1}, then one line per field,
 * {@code name=length:value} (or {@code name=-} for none), in the order above; SHA-256 of its UTF-8 bytes,
 * printed as {@code sha256:} and 64 lower-case hex digits. Length prefixes make the form unambiguous whatever
 * the values contain.
 */
public final class RequestHash {

    private static final String VERSION = "claim-request/v1";

    private RequestHash() {
    }

    /** The hash of {@code request}, e.g. {@code sha256:3f0c...}. */
    public static String of(final ClaimRequest request) {
        return "sha256:" + HexFormat.of().formatHex(sha256(canonicalForm(request)));
    }

    /** The text that is hashed, for a person comparing two requests. */
    public static String canonicalForm(final ClaimRequest request) {
        final StringBuilder canonical = new StringBuilder(VERSION);
        field(canonical, "tenant", request.tenant());
        field(canonical, "instance", request.instance());
        field(canonical, "allow_non_migratable", Boolean.toString(request.allowNonMigratable()));
        field(canonical, "ttl_ms", request.ttl() == null ? null : Long.toString(request.ttl().toMillis()));
        for (final RequestItem item : request.items()) {
            final NumaAffinity affinity = NumaAffinity.of(item);
            field(canonical, "item.group", item.vnicType() == VnicType.NORMAL ? null : item.group());
            field(canonical, "item.count", Integer.toString(item.count()));
            field(canonical, "item.vnic_type", item.vnicType() == null ? null : item.vnicType().name());
            field(canonical, "item.numa_node", affinity.node() == null ? null : affinity.node().toString());
            field(canonical, "item.numa_policy", affinity.policy() == null ? null : affinity.policy().name());
        }
        return canonical.toString();
    }

    private static void field(final StringBuilder canonical, final String name, final String value) {
        canonical.append('\n').append(name).append('=');
        if (value == null) {
            canonical.append('-');
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
    }

    private static byte[] sha256(final String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
