package io.pciledger.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostCheckScheduleTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final HostCheckSchedule schedule = new HostCheckSchedule();

    @Test
    void hostsDueAtOrBeforeNowAreTakenEarliestFirstAndOnlyOnce() {
        schedule.schedule("compute-3", Optional.of(T0.plusSeconds(30)));
        schedule.schedule("compute-1", Optional.of(T0.plusSeconds(20)));
        schedule.schedule("compute-2", Optional.of(T0.plusSeconds(20)));
        schedule.schedule("compute-4", Optional.of(T0.plusSeconds(31)));

        assertThat(schedule.takeDue(T0.plusSeconds(19))).isEmpty();
        assertThat(schedule.takeDue(T0.plusSeconds(30))).containsExactly("compute-1", "compute-2", "compute-3");
        assertThat(schedule.takeDue(T0.plusSeconds(30))).isEmpty();
        assertThat(schedule.dueAt("compute-1")).isEmpty();
        assertThat(schedule.dueAt("compute-4")).contains(T0.plusSeconds(31));
    }

    @Test
    void reschedulingAHostReplacesItsDueTimeEitherWay() {
        schedule.schedule("compute-1", Optional.of(T0.plusSeconds(10)));
        schedule.schedule("compute-1", Optional.of(T0.plusSeconds(60)));
        assertThat(schedule.takeDue(T0.plusSeconds(59))).isEmpty();

        schedule.schedule("compute-1", Optional.of(T0.plusSeconds(5)));
        assertThat(schedule.takeDue(T0.plusSeconds(5))).containsExactly("compute-1");
    }

    @Test
    void aHostWithNothingDueLeavesTheSchedule() {
        schedule.schedule("compute-1", Optional.of(T0));
        schedule.schedule("compute-1", Optional.empty());

        assertThat(schedule.dueAt("compute-1")).isEmpty();
        assertThat(schedule.takeDue(T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aScheduleIsIncompleteUntilASweepPassEnds() {
        schedule.schedule("compute-1", Optional.of(T0));
        assertThat(schedule.isComplete()).isFalse();

        schedule.sweptTo("compute-1");
        schedule.passEnded();

        assertThat(schedule.isComplete()).isTrue();
        assertThat(schedule.sweptUpTo()).isEmpty();
        assertThat(schedule.dueAt("compute-1")).contains(T0);
    }

    @Test
    void aSweepResumesAfterTheLastHostItVisited() {
        assertThat(schedule.sweptUpTo()).isEmpty();

        schedule.sweptTo("compute-16");

        assertThat(schedule.sweptUpTo()).contains("compute-16");
        assertThat(schedule.isComplete()).isFalse();
    }

    @Test
    void aFailureAfterTheScheduleIsCompleteStartsAPassFromTheFirstHost() {
        schedule.sweptTo("compute-9");
        schedule.passEnded();

        schedule.markIncomplete();

        assertThat(schedule.isComplete()).isFalse();
        assertThat(schedule.sweptUpTo()).isEmpty();
    }

    @Test
    void aFailureDuringAPassLetsItGoOnAndThenAsksForAnother() {
        schedule.sweptTo("compute-5");

        schedule.markIncomplete();
        assertThat(schedule.sweptUpTo()).as("the hosts after compute-5 are not held up").contains("compute-5");
        schedule.passEnded();
        assertThat(schedule.isComplete()).as("compute-1 to compute-5 may have been missed").isFalse();
        schedule.sweptTo("compute-9");
        schedule.passEnded();

        assertThat(schedule.isComplete()).isTrue();
    }

    @Test
    void aFailureBeforeThePassHasBegunNeedsNoOtherPass() {
        schedule.markIncomplete();
        schedule.sweptTo("compute-9");
        schedule.passEnded();

        assertThat(schedule.isComplete()).isTrue();
    }
}
