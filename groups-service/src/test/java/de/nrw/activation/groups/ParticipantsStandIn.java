package de.nrw.activation.groups;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stands in for participants-service's {@code GET /api/v1/participants/{id}/age-band?on=} in this
 * module's tests: one WireMock server per test JVM, its URL given to the application as
 * {@code participants.url}. Stubs are per participant id, so tests running one after another
 * never see each other's answers. The real call is proven by the e2e tests.
 */
@QuarkusTestResource(ParticipantsStandIn.class)
public class ParticipantsStandIn implements QuarkusTestResourceLifecycleManager {

    /**
     * What the application is configured to wait for an answer (as in production: a cold first
     * answer on a busy 2-core machine can take over a second); the slow stand-in waits longer.
     */
    static final int READ_TIMEOUT_MS = 3000;
    static final int SLOW_ANSWER_MS = READ_TIMEOUT_MS + 4000;
    static final String RETRY_AFTER_SECONDS = "7";

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        return Map.of("participants.url", server().baseUrl(),
                "participants.connect-timeout-ms", "500",
                "participants.read-timeout-ms", String.valueOf(READ_TIMEOUT_MS),
                "participants.retry-after-seconds", RETRY_AFTER_SECONDS);
    }

    @Override
    public void stop() {
        // lives as long as the test JVM, like the broker: a Quarkus restart between classes keeps it
    }

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            warmUp(server);
        }
        return server;
    }

    /** One templated answer before the application starts, so the first test does not pay WireMock's start-up. */
    private static void warmUp(WireMockServer server) {
        String id = "00000000-0000-0000-0000-000000000000";
        StubMapping stub = server.stubFor(get(urlPathEqualTo(path(id))).willReturn(band(id, "AGE_25_TO_49")));
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path(id) + "?on=2012-03-05"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.removeStub(stub);
        }
    }

    private static String path(String participantId) {
        return "/api/v1/participants/" + participantId + "/age-band";
    }

    /** participants-service answers {@code band} for the participant on any day. */
    static void answersBand(String participantId, String band) {
        server().stubFor(get(urlPathEqualTo(path(participantId))).atPriority(10).willReturn(band(participantId, band)));
    }

    /** participants-service answers {@code band} for the participant on {@code day} (before any other day's answer). */
    static void answersBandOn(String participantId, LocalDate day, String band) {
        server().stubFor(get(urlPathEqualTo(path(participantId))).withQueryParam("on", equalTo(day.toString()))
                .atPriority(5).willReturn(band(participantId, band)));
    }

    /** participants-service answers the participant's band request with {@code status} and a problem body. */
    static StubMapping answersStatus(String participantId, int status) {
        return override(participantId, aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"title\":\"stand-in\"}"));
    }

    /** participants-service is down for this participant: the connection is reset. */
    static StubMapping isDown(String participantId) {
        return override(participantId, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    /** participants-service answers, but later than the application waits. */
    static StubMapping isSlow(String participantId) {
        return override(participantId, band(participantId, "AGE_25_TO_49").withFixedDelay(SLOW_ANSWER_MS));
    }

    /** participants-service is back: the stub put in by {@link #isDown} or {@link #isSlow} is gone. */
    static void recovers(StubMapping outage) {
        server().removeStub(outage);
    }

    /** The age-band requests participants-service received for the participant. */
    static List<LoggedRequest> requestsFor(String participantId) {
        return server().findAll(getRequestedFor(urlPathEqualTo(path(participantId))));
    }

    private static StubMapping override(String participantId, ResponseDefinitionBuilder response) {
        MappingBuilder mapping = get(urlPathEqualTo(path(participantId))).atPriority(1).willReturn(response);
        return server().stubFor(mapping);
    }

    private static ResponseDefinitionBuilder band(String participantId, String band) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"participantId\":\"" + participantId + "\",\"on\":\"{{request.query.on}}\",\"ageBand\":\""
                        + band + "\"}")
                .withTransformers("response-template");
    }
}
