package io.pciledger.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.HostLedger;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostViewCacheTest {

    private static final Instant HEARD = Instant.parse("2026-11-24T06:00:00Z");

    private final HostViewCache cache = new HostViewCache(2);
    private final AtomicInteger builds = new AtomicInteger();

    @Test
    void aViewIsBuiltOnceForAPositionAndLastHeardTime() {
        final HostView first = read("compute-1", 0, HEARD);

        assertThat(read("compute-1", 0, HEARD)).isSameAs(first);
        assertThat(builds).hasValue(1);
    }

    @Test
    void anotherPositionOrLastHeardTimeBuildsItAgain() {
        read("compute-1", 0, HEARD);

        read("compute-1", 0, HEARD.plusSeconds(30));
        read("compute-1", 1, HEARD.plusSeconds(30));

        assertThat(builds).hasValue(3);
    }

    @Test
    void aViewBuiltAtAnotherPositionThanAskedIsNotKept() {
        // The header said 1, but an event landed before the devices were read: the view is at 2.
        cache.view("compute-1", 1, HEARD, () -> built("compute-1", 2, HEARD), () -> true);

        read("compute-1", 1, HEARD);

        assertThat(builds).hasValue(2);
    }

    @Test
    void aViewBuiltWhileTheLedgerMovedOnIsNotKept() {
        cache.view("compute-1", 1, HEARD, () -> built("compute-1", 1, HEARD), () -> false);

        read("compute-1", 1, HEARD);

        assertThat(builds).hasValue(2);
    }

    @Test
    void theLeastRecentlyReadHostIsDroppedBeyondTheBound() {
        read("compute-1", 0, HEARD);
        read("compute-2", 0, HEARD);
        read("compute-1", 0, HEARD);
        read("compute-3", 0, HEARD);

        read("compute-1", 0, HEARD);
        assertThat(builds).as("compute-1 was read more recently than compute-2").hasValue(3);
        read("compute-2", 0, HEARD);
        assertThat(builds).as("compute-2 was dropped for compute-3").hasValue(4);
    }

    private HostView read(final String host, final long lastSeq, final Instant lastHeard) {
        return cache.view(host, lastSeq, lastHeard, () -> built(host, lastSeq, lastHeard), () -> true);
    }

    /** A view of an empty ledger claiming position {@code lastSeq}. */
    private HostView built(final String host, final long lastSeq, final Instant lastHeard) {
        builds.incrementAndGet();
        final HostView empty = HostView.of(HostLedger.empty(host), lastHeard);
        return new HostView(host, lastSeq, empty.stale(), empty.staleSince(), lastHeard, empty.devices(),
                empty.claims(), empty.pools());
    }
}
