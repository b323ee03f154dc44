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
    void aScheduleIsIncompleteUntilMarkedAndAgainAfterAFailedCheck() {
        schedule.schedule("compute-1", Optional.of(T0));
        assertThat(schedule.isComplete()).isFalse();

        schedule.markComplete();
        assertThat(schedule.isComplete()).isTrue();
        schedule.markIncomplete();
        assertThat(schedule.isComplete()).isFalse();
        assertThat(schedule.dueAt("compute-1")).contains(T0);
    }

    @Test
    void aSweepResumesAfterTheLastHostItVisitedAndStartsOverWhenTheScheduleIsMadeIncomplete() {
        assertThat(schedule.sweptUpTo()).isEmpty();
        schedule.sweptTo("compute-16");
        assertThat(schedule.sweptUpTo()).contains("compute-16");

        schedule.markIncomplete();
        assertThat(schedule.sweptUpTo()).as("a failed decision: every host again").isEmpty();

        schedule.sweptTo("compute-3");
        schedule.markComplete();
        assertThat(schedule.sweptUpTo()).isEmpty();
    }
}
