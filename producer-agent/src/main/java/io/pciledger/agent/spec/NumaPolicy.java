package io.pciledger.agent.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * How strictly an alias's devices must share the instance's NUMA node ({@code numa_policy} of a
 * {@code [pci] alias}): {@code required}, {@code legacy} (the default), {@code preferred} or {@code socket}.
 */
public enum NumaPolicy {
    REQUIRED,
    LEGACY,
    PREFERRED,
    SOCKET;

    /** The name Nova uses, e.g. {@code legacy}. */
    public String novaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy Nova calls {@code name}, if there is one (exact, lower case). */
    static Optional<NumaPolicy> fromNovaName(final String name) {
        for (final NumaPolicy policy : values()) {
            if (policy.novaName().equals(name)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
