package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.nrw.activation.groups.Fixtures.PARTICIPANT_EVENTS;
import static de.nrw.activation.groups.Fixtures.erasedEvent;
import static de.nrw.activation.groups.Fixtures.profileEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ParticipantEventsConsumerTest {

    private static final String REGISTERED = "participant.registered.v1";
    private static final String CHANGED = "participant.changed.v1";

    @Inject
    AgroalDataSource db;

    @Test
    void aRegisteredEventMakesTheParticipantKnownWithItsAnonymousAttributes() {
        String id = UUID.randomUUID().toString();
        Instant time = Instant.parse("2012-02-01T09:00:00Z");
        TopicReader.send(PARTICIPANT_EVENTS, id, profileEvent(REGISTERED, UUID.randomUUID().toString(), time, id, "hamm",
                "MALE", "UNDER_25", "NEW", "DISTANT", false));
        Fixtures.awaitKnown(db, id);
        Map<String, Object> row = row(id);
        assertThat(row.get("jobcenter_id")).isEqualTo("hamm");
        assertThat(row.get("gender")).isEqualTo("MALE");
        assertThat(row.get("age_band")).isEqualTo("UNDER_25");
        assertThat(row.get("customer_type")).isEqualTo("NEW");
        assertThat(row.get("labour_market_distance")).isEqualTo("DISTANT");
        assertThat(row.get("vocational_qualification")).isEqualTo(false);
        assertThat(row.get("erased")).isEqualTo(false);
        assertThat(((java.sql.Timestamp) row.get("last_event_time")).toInstant()).isEqualTo(time);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        double duplicatesBefore = duplicates();
        String registered = profileEvent(REGISTERED, eventId, Instant.parse("2012-02-01T09:00:00Z"), id, "hamm",
                "FEMALE", "AGE_50_PLUS", "EXISTING", "CLOSE", true);
        TopicReader.send(PARTICIPANT_EVENTS, id, registered);
        Fixtures.awaitKnown(db, id);
        // a newer change, then the first event again (a redelivery): the redelivery must not win
        TopicReader.send(PARTICIPANT_EVENTS, id, profileEvent(CHANGED, UUID.randomUUID().toString(),
                Instant.parse("2012-02-02T09:00:00Z"), id, "hamm", "FEMALE", "AGE_50_PLUS", "EXISTING", "DISTANT", true));
        TopicReader.send(PARTICIPANT_EVENTS, id, registered);

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?::uuid", eventId)).isEqualTo(1);
        assertThat(Rows.count(db, "SELECT count(*) FROM known_participant WHERE id = ?::uuid", id)).isEqualTo(1);
        assertThat(row(id).get("labour_market_distance")).isEqualTo("DISTANT");
    }

    @Test
    void aChangedEventBeforeItsRegisteredEventCreatesTheRowAndTheOlderEventChangesNothing() {
        String id = UUID.randomUUID().toString();
        TopicReader.send(PARTICIPANT_EVENTS, id, profileEvent(CHANGED, UUID.randomUUID().toString(),
                Instant.parse("2012-05-01T09:00:00Z"), id, "hamm", "DIVERSE", "AGE_25_TO_49", "EXISTING", "CLOSE", true));
        String late = UUID.randomUUID().toString();
        TopicReader.send(PARTICIPANT_EVENTS, id, profileEvent(REGISTERED, late,
                Instant.parse("2012-04-01T09:00:00Z"), id, "hamm", "FEMALE", "UNDER_25", "NEW", "DISTANT", false));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?::uuid", late) == 1);

        Map<String, Object> row = row(id);
        assertThat(row.get("gender")).isEqualTo("DIVERSE");
        assertThat(row.get("customer_type")).isEqualTo("EXISTING");
        assertThat(row.get("labour_market_distance")).isEqualTo("CLOSE");
        assertThat(((java.sql.Timestamp) row.get("profile_time")).toInstant()).isEqualTo(Instant.parse("2012-05-01T09:00:00Z"));
    }

    @Test
    void anErasedEventWinsOverEverythingAfterIt() {
        String id = UUID.randomUUID().toString();
        TopicReader.send(PARTICIPANT_EVENTS, id, profileEvent(REGISTERED, UUID.randomUUID().toString(),
                Instant.parse("2012-02-01T09:00:00Z"), id, "hamm", "FEMALE", "UNDER_25", "NEW", "CLOSE", true));
        TopicReader.send(PARTICIPANT_EVENTS, id, erasedEvent(UUID.randomUUID().toString(),
                Instant.parse("2012-03-01T09:00:00Z"), id, "hamm"));
        String after = UUID.randomUUID().toString();
        TopicReader.send(PARTICIPANT_EVENTS, id, profileEvent(CHANGED, after,
                Instant.parse("2012-04-01T09:00:00Z"), id, "hamm", "FEMALE", "UNDER_25", "NEW", "DISTANT", true));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?::uuid", after) == 1);
        assertThat(row(id).get("erased")).isEqualTo(true);
    }

    @Test
    void anErasedEventBeforeTheRegisteredOneLeavesAnErasedParticipant() {
        String id = UUID.randomUUID().toString();
        TopicReader.send(PARTICIPANT_EVENTS, id, erasedEvent(UUID.randomUUID().toString(),
                Instant.parse("2012-03-01T09:00:00Z"), id, "hamm"));
        String registered = UUID.randomUUID().toString();
        TopicReader.send(PARTICIPANT_EVENTS, id, profileEvent(REGISTERED, registered,
                Instant.parse("2012-02-01T09:00:00Z"), id, "hamm", "MALE", "UNDER_25", "NEW", "CLOSE", true));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?::uuid", registered) == 1);
        Map<String, Object> row = row(id);
        assertThat(row.get("erased")).isEqualTo(true);
        assertThat(row.get("gender")).isEqualTo("MALE");   // anonymous attributes are kept for the statistics
    }

    @Test
    void poisonRecordsAreParkedAsDeadLettersAndTheConsumerGoesOn() {
        String key = UUID.randomUUID().toString();
        TopicReader.send(PARTICIPANT_EVENTS, key, "this is not a CloudEvent");
        TopicReader.send(PARTICIPANT_EVENTS, key, Fixtures.cloudEvent("participant.renamed.v1", UUID.randomUUID().toString(),
                Instant.now(), key, Map.of("participantId", key, "jobcenterId", "hamm")));
        TopicReader.send(PARTICIPANT_EVENTS, key, Fixtures.cloudEvent(REGISTERED, UUID.randomUUID().toString(),
                Instant.now(), key, Map.of("participantId", key, "jobcenterId", "hamm")));   // attributes missing
        TopicReader.send(PARTICIPANT_EVENTS, key, profileEvent(REGISTERED, UUID.randomUUID().toString(), Instant.now(),
                key, "hamm", "MALE", "TEENAGER", "NEW", "CLOSE", true));                      // unknown age band
        String good = UUID.randomUUID().toString();
        TopicReader.send(PARTICIPANT_EVENTS, good, profileEvent(REGISTERED, UUID.randomUUID().toString(), Instant.now(),
                good, "hamm", "MALE", "UNDER_25", "NEW", "CLOSE", true));

        Fixtures.awaitKnown(db, good);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Rows.count(db, "SELECT count(*) FROM dead_letter WHERE record_key = ? AND consumer = ?", key,
                        "groups-service.participant-events") == 4);
        assertThat(Rows.count(db, "SELECT count(*) FROM known_participant WHERE id = ?::uuid", key)).isZero();
        assertThat(Rows.query(db, "SELECT reason FROM dead_letter WHERE record_key = ?", key).stream()
                .map(r -> (String) r.get("reason")))
                .anyMatch(reason -> reason.contains("unknown type"))
                .anyMatch(reason -> reason.contains("gender"))
                .anyMatch(reason -> reason.contains("ageBand"));
    }

    private Map<String, Object> row(String id) {
        return Rows.one(db, "SELECT * FROM known_participant WHERE id = ?::uuid", id);
    }

    private static double duplicates() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("events_duplicates_total\\{[^}]*consumer=\"groups-service.participant-events\"[^}]*} ([0-9.E+-]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
