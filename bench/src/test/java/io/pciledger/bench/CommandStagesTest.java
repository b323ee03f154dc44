package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandStagesTest {

    @Test
    void eachAnswerIsSplitIntoItsThreeStages() {
        final CommandStages stages = new CommandStages();
        stages.record(1_000, 1_002, 1_010, 1_040);

        assertThat(stages.takePercentiles())
                .containsEntry("sent_to_stored", "p50 2 / p99 2")
                .containsEntry("stored_to_decided", "p50 8 / p99 8")
                .containsEntry("decided_to_answered", "p50 30 / p99 30");
    }

    @Test
    void percentilesAreOverTheAnswersSinceTheLastTake() {
        final CommandStages stages = new CommandStages();
        stages.record(0, 500, 500, 500);
        stages.takePercentiles();
        for (int i = 1; i <= 100; i++) {
            stages.record(0, i, i, i);
        }

        assertThat(stages.takePercentiles()).containsEntry("sent_to_stored", "p50 50 / p99 99");
        assertThat(stages.takePercentiles()).containsEntry("sent_to_stored", "none");
    }
}
