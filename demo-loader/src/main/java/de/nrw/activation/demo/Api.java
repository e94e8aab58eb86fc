package de.nrw.activation.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A small JSON client for the suite's public HTTP APIs. Services learn of each other's changes
 * through events, a moment later: {@link #postEventually} retries a 404 until the other
 * service has caught up.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer other than the expected one. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(String method, String url, int status, String body) {
            super(method + " " + url + " answered " + status + ": " + body);
            this.status = status;
        }
    }

    JsonNode get(String url, String token) {
        return send("GET", url, token, null, 200, null);
    }

    String getText(String url, String token, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != 200) {
            throw new Failure("GET", url, response.statusCode(), response.body());
        }
        return response.body();
    }

    JsonNode post(String url, String token, Object body, int expected) {
        return send("POST", url, token, body, expected, UUID.randomUUID().toString());
    }

    JsonNode put(String url, String token, Object body, int expected) {
        return send("PUT", url, token, body, expected, null);
    }

    /**
     * POST, retrying while the target has not yet seen the events it needs: it answers 404 for a
     * participant or participation it does not know yet, and 422 {@code participation-not-ended}
     * for a follow-up whose exit event is still on its way.
     */
    JsonNode postEventually(String url, String token, Object body, int expected) {
        String key = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plusSeconds(120);
        long pause = 50;
        while (true) {
            try {
                return send("POST", url, token, body, expected, key);
            } catch (Failure failure) {
                boolean notYetKnown = failure.status == 404
                        || failure.status == 422 && failure.getMessage().contains("participation-not-ended");
                if (!notYetKnown || Instant.now().isAfter(deadline)) {
                    throw failure;
                }
                sleep(pause);
                pause = Math.min(pause * 2, 1000);
            }
        }
    }

    private JsonNode send(String method, String url, String token, Object body, int expected, String idempotencyKey) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (idempotencyKey != null) {
                builder.header("Idempotency-Key", idempotencyKey); // makes the retries below safe
            }
            if (body != null) {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpRequest request = builder.build();
            HttpResponse<String> response = exchange(request);
            for (int attempt = 0; response.statusCode() >= 500 && attempt < 5; attempt++) {
                sleep(500L * (attempt + 1));
                response = exchange(request);
            }
            if (response.statusCode() != expected) {
                throw new Failure(method, url, response.statusCode(), response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        for (int attempt = 0; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
                }
                sleep(500L * (attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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
