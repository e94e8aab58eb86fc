package de.nrw.activation.demo;

import de.nrw.activation.clients.SuiteApis;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls through the clients generated from the services' OpenAPI documents (module clients), with
 * the retries the loader needs: a 5xx answer or an I/O failure is tried again, and
 * {@link #eventually} also waits for a service that has not yet seen the events it needs.
 */
final class Calls {

    private Calls() { }

    /** A call of a generated client; each service's client throws its own ApiException. */
    interface Call<T> {
        T call() throws Exception;
    }

    /** How long one answer may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** How often and how long the loader waited for a service to see the events it needs (issue 16: where it waits). */
    static final AtomicLong EVENT_WAITS = new AtomicLong();
    static final AtomicLong EVENT_WAIT_MILLIS = new AtomicLong();

    /** The Authorization header of a call, passed with the generated methods' {@code headers} argument. */
    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** A fresh Idempotency-Key: the retries below repeat it, so they are safe. */
    static String idempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /** The call, tried again on a 5xx answer or an I/O failure (status 0) a few times. */
    static <T> T call(Call<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.call();
            } catch (Exception failure) {
                int status = status(failure);
                if (status != 0 && status < 500 || attempt >= 5) {
                    throw new IllegalStateException(failure.getMessage(), failure);
                }
                sleep(500L * (attempt + 1));
            }
        }
    }

    /**
     * The call, retried while the target has not yet seen the events it needs: it answers 404 for a
     * participant or participation it does not know yet, and 422 {@code participation-not-ended}
     * for a follow-up whose exit event is still on its way.
     */
    static <T> T eventually(Call<T> call) {
        Instant deadline = Instant.now().plusSeconds(120);
        long pause = 50;
        while (true) {
            try {
                return call(call);
            } catch (IllegalStateException failure) {
                int status = status(failure.getCause());
                boolean notYetKnown = status == 404
                        || status == 422 && String.valueOf(body(failure.getCause())).contains("participation-not-ended");
                if (!notYetKnown || Instant.now().isAfter(deadline)) {
                    throw failure;
                }
                EVENT_WAITS.incrementAndGet();
                EVENT_WAIT_MILLIS.addAndGet(pause);
                sleep(pause);
                pause = Math.min(pause * 2, 1000);
            }
        }
    }

    static int status(Throwable failure) {
        return SuiteApis.status(failure);
    }

    private static String body(Throwable failure) {
        return SuiteApis.responseBody(failure);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
