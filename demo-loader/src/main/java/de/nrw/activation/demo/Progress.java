package de.nrw.activation.demo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a load has come: participants loaded (registered, in a group, exited and their
 * whereabouts recorded) out of the total, the rate so far and the time left at that rate.
 */
final class Progress {

    private final int total;
    private final long startedNanos;
    private final AtomicInteger loaded = new AtomicInteger();

    Progress(int total, long startedNanos) {
        this.total = total;
        this.startedNanos = startedNanos;
    }

    void participantLoaded() {
        loaded.incrementAndGet();
    }

    int loaded() {
        return loaded.get();
    }

    /** One line for the console, e.g. {@code 412 / 1608 participants (25 %), 6.9 per s, about 2 min 53 s left}. */
    String line(long nowNanos) {
        return line(loaded.get(), total, Duration.ofNanos(nowNanos - startedNanos));
    }

    static String line(int loaded, int total, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = loaded / seconds;
        String left = loaded == 0 ? "time left not known yet"
                : "about " + human(Duration.ofSeconds(Math.round((total - loaded) / rate))) + " left";
        return String.format(java.util.Locale.ROOT, "%d / %d participants (%d %%), %.1f per s, %s",
                loaded, total, total == 0 ? 100 : loaded * 100 / total, rate, left);
    }

    private static String human(Duration duration) {
        long minutes = duration.toMinutes();
        long seconds = duration.toSecondsPart();
        return minutes == 0 ? seconds + " s" : minutes + " min " + seconds + " s";
    }
}
