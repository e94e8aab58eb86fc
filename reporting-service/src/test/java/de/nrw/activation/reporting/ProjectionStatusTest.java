package de.nrw.activation.reporting;

import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Operations see how far the projections are; records that can never be applied are parked, the rest goes on. */
@QuarkusTest
class ProjectionStatusTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    static JsonPath status(String token) {
        return given().auth().oauth2(token).get("/api/v1/projections/status").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void theStatusShowsPerTopicTheEventsAppliedTheLastEventTimeAndTheLag() {
        Scenario s = WhereaboutsReportTest.categories().send();
        ReadModel.awaitApplied(db, projections, s.eventIds());

        given().auth().oauth2(Tokens.ops()).get("/api/v1/projections/status").then().statusCode(200)
                .body("activeGeneration", equalTo(projections.activeGeneration()))
                .body("topics", hasSize(3))
                .body("topics.topic", equalTo(java.util.List.of("participant-events", "group-events", "outcome-events")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath status = status(Tokens.coordinator());
            for (int i = 0; i < 3; i++) {
                assertThat(status.getLong("topics[" + i + "].eventsApplied")).isPositive();
                assertThat(status.getString("topics[" + i + "].lastEventTime")).isNotNull();
                assertThat(status.getLong("topics[" + i + "].lag")).isZero();
            }
        });
        // the figures are the stored ones: each event id counts once
        String progress = ReadModel.table(projections, "progress");
        long applied = Rows.count(db, "SELECT sum(events_applied) FROM " + progress);
        assertThat(applied).isEqualTo(Rows.count(db, "SELECT count(*) FROM " + ReadModel.table(projections, "processed_event")));
    }

    @Test
    void aPoisonRecordIsParkedAsADeadLetterAndTheProjectionGoesOn() {
        String garbageKey = "poison-" + UUID.randomUUID();
        TopicReader.send("group-events", garbageKey, "this is not a CloudEvent");
        String unknownKey = "unknown-" + UUID.randomUUID();
        TopicReader.send("outcome-events", unknownKey, new String(EventEnvelope.create("/test", "outcome.invented.v9",
                "x", Scenario.MAPPER.createObjectNode().put("participantId", UUID.randomUUID().toString()))
                .serialize(Scenario.MAPPER)));
        String incompleteKey = "incomplete-" + UUID.randomUUID();
        TopicReader.send("group-events", incompleteKey, new String(EventEnvelope.create("/test", "participation.entered.v1",
                "x", Scenario.MAPPER.createObjectNode().put("participationId", UUID.randomUUID().toString()))
                .serialize(Scenario.MAPPER)));
        Scenario after = Scenario.fresh();
        after.join("2012-01-09");
        after.send();

        ReadModel.awaitApplied(db, projections, after.eventIds());
        String consumer = projections.consumer(projections.activeGeneration()).name();
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                "SELECT count(*) FROM dead_letter WHERE consumer = ? AND record_key IN (?, ?, ?)",
                consumer, garbageKey, unknownKey, incompleteKey) == 3);
        assertThat(Rows.one(db, "SELECT topic, reason FROM dead_letter WHERE consumer = ? AND record_key = ?",
                consumer, incompleteKey)).containsEntry("topic", "group-events")
                .satisfies(row -> assertThat((String) row.get("reason")).contains("data.participantId"));
        assertThat(Rows.one(db, "SELECT reason FROM dead_letter WHERE consumer = ? AND record_key = ?",
                consumer, unknownKey).get("reason")).asString().contains("unknown type");

        JsonPath status = status(Tokens.ops());
        assertThat(status.getLong("topics.find { it.topic == 'group-events' }.deadLetters")).isGreaterThanOrEqualTo(2);
        assertThat(status.getLong("topics.find { it.topic == 'outcome-events' }.deadLetters")).isGreaterThanOrEqualTo(1);
        after.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200).body("rows[0].n", equalTo(1));
    }
}
