package de.nrw.activation.groups;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import de.nrw.activation.testsupport.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Valid bodies, authenticated requests and known participants for the groups tests. */
public final class Fixtures {

    public static final String PARTICIPANT_EVENTS = "participant-events";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() { }

    public static RequestSpecification asStaff(String jobcenter) {
        return given().auth().oauth2(Tokens.staff(jobcenter)).contentType(ContentType.JSON);
    }

    /** Staff of education provider {@code provider} working for {@code jobcenter}. */
    public static RequestSpecification asProvider(String jobcenter, String provider) {
        return given().auth().oauth2(Tokens.providerStaff(jobcenter, provider)).contentType(ContentType.JSON);
    }

    /** A provider id no other test uses, so a provider's lists hold only the test's own groups. */
    public static String newProviderId() {
        return "bildungswerk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** As {@link #group}, run by the education provider {@code providerId}. */
    public static Map<String, Object> providerGroup(String jobcenter, String phase, String startDate, String providerId) {
        Map<String, Object> body = group(jobcenter, phase, startDate);
        body.put("provider", Map.of("type", "EDUCATION_PROVIDER", "name", "Bildungswerk Ruhr gGmbH", "id", providerId));
        return body;
    }

    public static RequestSpecification asCoordinator() {
        return given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON);
    }

    /**
     * A valid group: 6 weeks on Monday, Wednesday and Thursday, 09:00-12:30 (10.5 hours a week),
     * 15 places, one coach.
     */
    public static Map<String, Object> group(String jobcenter, String phase, String startDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("jobcenterId", jobcenter);
        body.put("phaseId", phase);
        body.put("name", "Aktivierungsgruppe " + UUID.randomUUID().toString().substring(0, 8));
        body.put("provider", Map.of("type", "JOBCENTER", "name", "Jobcenter " + jobcenter));
        body.put("location", "Raum 2.14");
        body.put("coaches", List.of("Coach Beispielname"));
        body.put("startDate", startDate);
        body.put("weeks", 6);
        body.put("meetingDays", List.of("MONDAY", "WEDNESDAY", "THURSDAY"));
        body.put("dailyStart", "09:00");
        body.put("dailyEnd", "12:30");
        body.put("capacity", 15);
        return body;
    }

    /** A Phase I group of Herne starting Monday 5 March 2012 (ends 15 April 2012). */
    public static Map<String, Object> herneGroup() {
        return group("herne", "PHASE_1", "2012-03-05");
    }

    public static String schedule(Map<String, Object> body) {
        return asStaff((String) body.get("jobcenterId")).body(body).post("/api/v1/groups")
                .then().statusCode(201).extract().path("id");
    }

    /** Enters the participant and returns the participation id. */
    public static String enter(String jobcenter, String groupId, String participantId, String entryDate) {
        return asStaff(jobcenter).body(Map.of("participantId", participantId, "entryDate", entryDate))
                .post("/api/v1/groups/" + groupId + "/participations")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * A participant of the Jobcenter, made known the way production does: a registered event on
     * the topic. participants-service (its stand-in) answers the same band as the event for any
     * entry date.
     */
    public static String knownParticipant(DataSource db, String jobcenter) {
        return knownParticipant(db, jobcenter, Map.of());
    }

    /**
     * As {@link #knownParticipant(DataSource, String)}, but participants-service answers
     * {@code bandOn}'s band on the days it names (for example {@code UNDER_25} on the day before
     * the 25th birthday), and the event's band {@code AGE_25_TO_49} on every other day.
     */
    public static String knownParticipant(DataSource db, String jobcenter, Map<LocalDate, String> bandOn) {
        String id = UUID.randomUUID().toString();
        String band = "AGE_25_TO_49";
        ParticipantsStandIn.answersBand(id, band);
        bandOn.forEach((day, bandThatDay) -> ParticipantsStandIn.answersBandOn(id, day, bandThatDay));
        TopicReader.send(PARTICIPANT_EVENTS, id, profileEvent("participant.registered.v1", UUID.randomUUID().toString(),
                Instant.now(), id, jobcenter, "FEMALE", band, "EXISTING", "CLOSE", true));
        awaitKnown(db, id);
        return id;
    }

    public static void awaitKnown(DataSource db, String participantId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Rows.count(db, "SELECT count(*) FROM known_participant WHERE id = ?::uuid", participantId) == 1);
    }

    /** A {@code participant.registered.v1} or {@code participant.changed.v1} CloudEvent as participants-service writes it. */
    public static String profileEvent(String type, String eventId, Instant time, String participantId, String jobcenter,
                                      String gender, String ageBand, String customerType, String distance,
                                      boolean qualification) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participantId", participantId);
        data.put("jobcenterId", jobcenter);
        data.put("gender", gender);
        data.put("ageBand", ageBand);
        data.put("customerType", customerType);
        data.put("labourMarketDistance", distance);
        data.put("vocationalQualification", qualification);
        return cloudEvent(type, eventId, time, participantId, data);
    }

    public static String erasedEvent(String eventId, Instant time, String participantId, String jobcenter) {
        return cloudEvent("participant.erased.v1", eventId, time, participantId,
                Map.of("participantId", participantId, "jobcenterId", jobcenter));
    }

    public static String cloudEvent(String type, String eventId, Instant time, String subject, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", "/participants-service");
        event.put("type", type);
        event.put("time", time.toString());
        event.put("subject", subject);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        try {
            return MAPPER.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
