package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.restassured.response.Response;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static org.awaitility.Awaitility.await;

/** Steps of a participation's life and the events they publish, for the lifecycle tests. */
final class Lifecycle {

    static final String GROUP_EVENTS = "group-events";

    private Lifecycle() { }

    static Response exit(String jobcenter, String participation, String date, String reason) {
        return asStaff(jobcenter).body(Map.of("exitDate", date, "reason", reason))
                .post("/api/v1/participations/" + participation + "/exit");
    }

    static Response correctExit(String jobcenter, String participation, String ifMatch, String date, String reason) {
        var request = asStaff(jobcenter).body(Map.of("exitDate", date, "reason", reason));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/participations/" + participation + "/exit");
    }

    static Response withdraw(String jobcenter, String participation, String reason) {
        return asStaff(jobcenter).body(Map.of("reason", reason)).post("/api/v1/participations/" + participation + "/withdraw");
    }

    static Response transfer(String jobcenter, String participation, String groupId, String date) {
        return asStaff(jobcenter).body(Map.of("groupId", groupId, "date", date))
                .post("/api/v1/participations/" + participation + "/transfer");
    }

    static Response enterRequest(String jobcenter, String groupId, String participantId, String entryDate) {
        return asStaff(jobcenter).body(Map.of("participantId", participantId, "entryDate", entryDate))
                .post("/api/v1/groups/" + groupId + "/participations");
    }

    static String groupWithCapacity(String jobcenter, String phase, String start, int capacity) {
        Map<String, Object> body = new HashMap<>(Fixtures.group(jobcenter, phase, start));
        body.put("capacity", capacity);
        return Fixtures.schedule(body);
    }

    /** A phase of the coordinator's making, for groups outside the model project's phases. */
    static String phase(String jobcenter, String start, String end) {
        String id = "LIFECYCLE_" + System.nanoTime();
        Fixtures.asCoordinator().body(Map.of("id", id, "name", "Regelbetrieb " + id, "startDate", start, "endDate", end,
                "jobcenterIds", List.of(jobcenter))).post("/api/v1/phases").then().statusCode(201);
        return id;
    }

    /** The events of {@code type} keyed {@code key} about {@code subject}, once the outbox has sent all of that key. */
    static List<TopicReader.Published> settled(DataSource db, String key, String type, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Rows.count(db, "SELECT count(*) FROM outbox_event WHERE record_key = ?", key) == 0);
        return TopicReader.readAll(GROUP_EVENTS).stream()
                .filter(r -> key.equals(r.key()) && type.equals(r.type()) && subject.equals(r.event().path("subject").asText()))
                .toList();
    }

    /** Waits for {@code count} events of {@code type} keyed {@code key}. */
    static List<TopicReader.Published> events(String key, String type, int count) {
        return TopicReader.await(GROUP_EVENTS, count, r -> key.equals(r.key()) && type.equals(r.type()));
    }

    static Map<String, Object> row(DataSource db, String participation) {
        return Rows.one(db, "SELECT * FROM participation WHERE id = ?", UUID.fromString(participation));
    }

    static String participantOf(DataSource db, String participation) {
        return row(db, participation).get("participant_id").toString();
    }
}
