package de.nrw.activation.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a load has come. The loader takes every participant through a few steps (register,
 * enter a group, ...), all participants through one step before the next: the line names the
 * step, how many participants it has done, the whole load's share done, the rate in participant
 * steps per second and the time left at that rate.
 */
final class Progress {

    private final int participants;
    private final List<String> steps;
    private final long startedNanos;
    private final AtomicInteger step = new AtomicInteger();
    private final AtomicInteger doneInStep = new AtomicInteger();

    Progress(int participants, List<String> steps, long startedNanos) {
        this.participants = participants;
        this.steps = List.copyOf(steps);
        this.startedNanos = startedNanos;
    }

    /** The next step begins (the first one is running from the start). */
    void nextStep() {
        doneInStep.set(0);
        step.incrementAndGet();
    }

    void participantsDone(int count) {
        doneInStep.addAndGet(count);
    }

    /** Participant steps done so far. */
    int done() {
        return Math.min(step.get(), steps.size()) * participants + doneInStep.get();
    }

    /**
     * One line for the console, e.g.
     * {@code step 2 of 5 (enter the groups): 400 / 1608 participants, 30 % in all, 48.2 per s, about 1 min 40 s left}.
     */
    String line(long nowNanos) {
        int current = Math.min(step.get(), steps.size() - 1);
        return line(current, steps, doneInStep.get(), participants, done(), Duration.ofNanos(nowNanos - startedNanos));
    }

    static String line(int step, List<String> steps, int doneInStep, int participants, int done, Duration elapsed) {
        int total = steps.size() * participants;
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        String left = done == 0 ? "time left not known yet"
                : "about " + human(Duration.ofSeconds(Math.round((total - done) / rate))) + " left";
        return String.format(Locale.ROOT, "step %d of %d (%s): %d / %d participants, %d %% in all, %.1f per s, %s",
                step + 1, steps.size(), steps.get(step), doneInStep, participants,
                total == 0 ? 100 : (int) ((long) done * 100 / total), rate, left);
    }

    private static String human(Duration duration) {
        long minutes = duration.toMinutes();
        long seconds = duration.toSecondsPart();
        return minutes == 0 ? seconds + " s" : minutes + " min " + seconds + " s";
    }
}
