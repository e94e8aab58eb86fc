package de.nrw.activation.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressTest {

    @Test
    void theLineGivesLoadedOfTotalTheRateAndTheTimeLeftAtThatRate() {
        assertEquals("400 / 1608 participants (24 %), 8.0 per s, about 2 min 31 s left",
                Progress.line(400, 1608, Duration.ofSeconds(50)));
    }

    @Test
    void beforeTheFirstParticipantTheTimeLeftIsNotGuessed() {
        assertEquals("0 / 1608 participants (0 %), 0.0 per s, time left not known yet",
                Progress.line(0, 1608, Duration.ofSeconds(5)));
    }

    @Test
    void underAMinuteLeftIsGivenInSeconds() {
        assertEquals("1600 / 1608 participants (99 %), 10.0 per s, about 1 s left",
                Progress.line(1600, 1608, Duration.ofSeconds(160)));
    }

    @Test
    void countsEveryLoadedParticipant() {
        Progress progress = new Progress(3, 0);
        progress.participantLoaded();
        progress.participantLoaded();
        assertEquals(2, progress.loaded());
        assertEquals("2 / 3 participants (66 %), 1.0 per s, about 1 s left", progress.line(2_000_000_000L));
    }
}
