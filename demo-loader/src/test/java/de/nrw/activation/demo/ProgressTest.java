package de.nrw.activation.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressTest {

    static final List<String> STEPS = List.of("register", "enter", "exit");

    @Test
    void theLineGivesTheStepItsParticipantsTheShareInAllTheRateAndTheTimeLeftAtThatRate() {
        // 1608 + 400 of 3 * 1608 participant steps in 50 s: 40.2 per s, 2816 left
        assertEquals("step 2 of 3 (enter): 400 / 1608 participants, 41 % in all, 40.2 per s, about 1 min 10 s left",
                Progress.line(1, STEPS, 400, 1608, 2008, Duration.ofSeconds(50)));
    }

    @Test
    void beforeTheFirstParticipantTheTimeLeftIsNotGuessed() {
        assertEquals("step 1 of 3 (register): 0 / 1608 participants, 0 % in all, 0.0 per s, time left not known yet",
                Progress.line(0, STEPS, 0, 1608, 0, Duration.ofSeconds(5)));
    }

    @Test
    void countsEveryParticipantOfEveryStep() {
        Progress progress = new Progress(3, STEPS, 0);
        progress.participantsDone(3);
        progress.nextStep();
        progress.participantsDone(2);
        assertEquals(5, progress.done());
        assertEquals("step 2 of 3 (enter): 2 / 3 participants, 55 % in all, 2.5 per s, about 2 s left",
                progress.line(2_000_000_000L));
    }

    @Test
    void afterTheLastStepTheLineStaysOnIt() {
        Progress progress = new Progress(2, STEPS, 0);
        for (int i = 0; i < 3; i++) {
            progress.participantsDone(2);
            progress.nextStep();
        }
        assertEquals(6, progress.done());
        assertEquals("step 3 of 3 (exit): 0 / 2 participants, 100 % in all, 6.0 per s, about 0 s left",
                progress.line(1_000_000_000L));
    }
}
