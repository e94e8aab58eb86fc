package de.nrw.activation.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.RunningSuite;
import de.nrw.activation.testsupport.SuiteTestResource;
import de.nrw.activation.testsupport.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the failure tests share: the running suite (four packaged services, one broker, databases
 * {@code resilience_*}), requests as a Jobcenter, the services' own tables, and the check that
 * the read model applied every event on the topics exactly once.
 */
final class Suite {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PARTICIPANTS = "participants-service";
    static final String GROUPS = "groups-service";
    static final String OUTCOMES = "outcomes-service";
    static final String REPORTING = "reporting-service";
    static final List<String> TOPICS = List.of("participant-events", "group-events", "outcome-events");
    /** CloudEvents source of the records the poison test writes; they are not the services' events. */
    static final String POISON_SOURCE = "/resilience-tests/poison";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Suite() { }

    static RunningSuite suite() {
        return RunningSuite.get();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static String url(String service, String path) {
        return suite().url(service) + "/api/v1" + path;
    }

    /** The service's own database, as RunningSuite created it. */
    static DataSource database(String service) {
        return dataSource(SuiteTestResource.databaseName("resilience_" + service.replace("-service", "")));
    }

    static DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(SuiteTestResource.jdbcUrl(database));
        dataSource.setUser(System.getenv().getOrDefault("PGUSER", "postgres"));
        return dataSource;
    }

    static long count(String service, String sql, Object... parameters) {
        return Rows.count(database(service), sql, parameters);
    }

    /** The schema of the read model generation the reports answer from. */
    static String readModel() {
        return "rm_" + Rows.count(database(REPORTING), "SELECT id FROM projection_generation WHERE state = 'ACTIVE'");
    }

    static Map<String, Object> person(String jobcenter) {
        Map<String, Object> body = new HashMap<>();
        body.put("jobcenterId", jobcenter);
        body.put("customerNumber", "R-" + UUID.randomUUID().toString().substring(0, 13));
        body.put("firstName", "Erika");
        body.put("lastName", "Musterfrau");
        body.put("dateOfBirth", "1980-06-15");
        body.put("gender", "FEMALE");
        body.put("customerType", "EXISTING");
        body.put("labourMarketDistance", "CLOSE");
        body.put("vocationalQualification", true);
        return body;
    }

    static String register(String token, String jobcenter) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(person(jobcenter))
                .post(url(PARTICIPANTS, "/participants")).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> group(String jobcenter, String phase, String startDate) {
        Map<String, Object> group = new HashMap<>();
        group.put("jobcenterId", jobcenter);
        group.put("phaseId", phase);
        group.put("name", "Aktivierungsgruppe " + jobcenter);
        group.put("provider", Map.of("type", "JOBCENTER", "name", "Jobcenter " + jobcenter));
        group.put("location", "Jobcenter, Raum 3");
        group.put("coaches", List.of("Jobcoach A"));
        group.put("startDate", startDate);
        group.put("weeks", 6);
        group.put("meetingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"));
        group.put("dailyStart", "09:00");
        group.put("dailyEnd", "12:30");
        group.put("capacity", 20);
        return group;
    }

    static String scheduleGroup(String token, String jobcenter, String phase, String startDate) {
        return as(token).body(group(jobcenter, phase, startDate)).post(url(GROUPS, "/groups"))
                .then().statusCode(201).extract().path("id");
    }

    static String enter(String token, String groupId, String participantId, String entryDate) {
        return as(token).body(Map.of("participantId", participantId, "entryDate", entryDate))
                .post(url(GROUPS, "/groups/" + groupId + "/participations")).then().statusCode(201).extract().path("id");
    }

    static void exit(String token, String participationId, String exitDate, String reason) {
        as(token).body(Map.of("exitDate", exitDate, "reason", reason))
                .post(url(GROUPS, "/participations/" + participationId + "/exit")).then().statusCode(200);
    }

    static String outcome(String token, String participantId, String kind, String startDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("participantId", participantId);
        body.put("kind", kind);
        body.put("startDate", startDate);
        body.put("temporaryAgency", false);
        body.put("fixedTerm", false);
        return as(token).body(body).post(url(OUTCOMES, "/outcomes")).then().statusCode(201).extract().path("id");
    }

    /** An error answered the way the contract says: the given status, as problem+json. */
    static void assertCleanFailure(Response response, int... statuses) {
        assertThat(response.statusCode()).as(response.asString()).isIn(toList(statuses));
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(response.statusCode());
    }

    private static List<Integer> toList(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    /** Waits until the transactional outboxes of the three writing services are empty. */
    static void awaitOutboxesEmpty(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            for (String service : List.of(PARTICIPANTS, GROUPS, OUTCOMES)) {
                assertThat(count(service, "SELECT count(*) FROM outbox_event")).as(service + " outbox_event").isZero();
            }
        });
    }

    /** Waits until the service's consumer has stored the participants (it learns of them from events). */
    static void awaitKnown(String service, Collection<String> participantIds) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(service,
                "SELECT count(*) FROM known_participant WHERE id = ANY (?::uuid[])", (Object) participantIds.toArray(new String[0])))
                .isEqualTo(participantIds.size()));
    }

    /** Registers {@code n} participants with {@code threads} clients at once; returns their ids. */
    static List<String> burstOfRegistrations(String jobcenter, int n, int threads) {
        String token = de.nrw.activation.testsupport.Tokens.staff(jobcenter);
        String url = url(PARTICIPANTS, "/participants");
        return burst(n, threads, () -> post(url, token, person(jobcenter)));
    }

    static List<String> burst(int n, int threads, Supplier<String> call) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(call::get));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> result : results) {
                ids.add(result.get());
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException("Burst failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A POST with the JDK client (thread-safe, for bursts); 201 expected, returns the id. */
    static String post(String url, String token, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new AssertionError("POST " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The services' events on a topic (poison records written by the tests left out). */
    static List<TopicReader.Published> events(String topic) {
        return TopicReader.readAll(topic).stream()
                .filter(p -> p.event().isObject() && !POISON_SOURCE.equals(p.event().path("source").asText()))
                .collect(Collectors.toList());
    }

    static Set<String> dataField(List<TopicReader.Published> events, String type, String field, String jobcenter) {
        return events.stream().filter(p -> p.type().equals(type))
                .filter(p -> jobcenter == null || jobcenter.equals(p.data().path("jobcenterId").asText()))
                .map(p -> p.data().path(field).asText()).collect(Collectors.toSet());
    }

    static Set<String> strings(String service, String sql, Object... parameters) {
        return Rows.query(database(service), sql, parameters).stream()
                .map(row -> String.valueOf(row.values().iterator().next())).collect(Collectors.toSet());
    }

    /**
     * The read model applied every event on the topics exactly once: its inbox holds each event id
     * of the topics once, and its per-topic applied counters equal the number of distinct ids
     * (an event applied twice would count twice; a lost one would be missing).
     */
    static void assertReadModelAppliedEachEventOnce() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String schema = readModel();
            Map<String, Long> applied = new HashMap<>();
            Rows.query(database(REPORTING), "SELECT topic, events_applied FROM " + schema + ".progress")
                    .forEach(row -> applied.put((String) row.get("topic"), ((Number) row.get("events_applied")).longValue()));
            Set<String> all = new HashSet<>();
            for (String topic : TOPICS) {
                Set<String> ids = events(topic).stream().map(p -> p.event().path("id").asText()).collect(Collectors.toSet());
                all.addAll(ids);
                assertThat(applied.getOrDefault(topic, 0L)).as("events applied from " + topic).isEqualTo(ids.size());
            }
            assertThat(Rows.count(database(REPORTING), "SELECT count(*) FROM " + schema + ".processed_event"))
                    .as("read model inbox").isEqualTo(all.size());
            assertThat(Rows.count(database(REPORTING), "SELECT count(*) FROM " + schema
                    + ".processed_event WHERE event_id = ANY (?::uuid[])", (Object) all.toArray(new String[0])))
                    .as("inbox ids are the topics' ids").isEqualTo(all.size());
        });
    }

    static JsonNode whereabouts(String token, String phase, String jobcenter) {
        String body = as(token).queryParam("phaseId", phase).queryParam("groupBy", "jobcenter")
                .get(url(REPORTING, "/reports/whereabouts")).then().statusCode(200).extract().asString();
        try {
            for (JsonNode row : JSON.readTree(body).path("rows")) {
                if (jobcenter.equals(row.path("key").asText())) {
                    return row;
                }
            }
            return JSON.nullNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
