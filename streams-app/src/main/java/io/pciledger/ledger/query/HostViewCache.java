package io.pciledger.ledger.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The host views a reader built lately, the least recently read dropped beyond a bound. A host's ledger changes only
 * by an event, which moves its position ({@link HostView#lastSeq()}), so a view built at position {@code n} with a
 * last-heard time {@code t} is still the host's state while its header says {@code n} and {@code t}: a repeated read
 * then costs two point lookups instead of a scan and decoding of every device row.
 */
final class HostViewCache {

    private final Map<String, HostView> views;

    HostViewCache(final int capacity) {
        this.views = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, HostView> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The view of {@code host} at {@code lastSeq} and {@code lastHeard}: the cached one, or {@code build}'s. A built
     * view is kept, under its own position, only if {@code stillThere} says the host's ledger had not moved on by the
     * end of the build: the ledger writes a decision's device rows, then its header, while reads run beside it, so a
     * view built across a write may mix two positions, and must not outlive the one request it answers.
     */
    HostView view(final String host, final long lastSeq, final Instant lastHeard, final Supplier<HostView> build,
            final BooleanSupplier stillThere) {
        synchronized (views) {
            final HostView cached = views.get(host);
            if (cached != null && cached.lastSeq() == lastSeq && Objects.equals(cached.lastHeard(), lastHeard)) {
                return cached;
            }
        }
        final HostView built = build.get();
        if (stillThere.getAsBoolean()) {
            synchronized (views) {
                views.put(host, built);
            }
        }
        return built;
    }
}
