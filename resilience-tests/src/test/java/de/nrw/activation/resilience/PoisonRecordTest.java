package de.nrw.activation.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import de.nrw.activation.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.nrw.activation.resilience.Suite.GROUPS;
import static de.nrw.activation.resilience.Suite.OUTCOMES;
import static de.nrw.activation.resilience.Suite.REPORTING;
import static de.nrw.activation.resilience.Suite.count;
import static de.nrw.activation.resilience.Suite.database;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison records on every topic (not JSON, an unknown type, a known type with its required
 * fields missing): each consumer parks them as dead letters (table dead_letter, projection
 * status, metric events_dead_lettered_total) and goes on; a valid event after them is applied.
 */
class PoisonRecordTest {

    static final String JC = "bochum";

    @Test
    void everyConsumerParksPoisonRecordsAndAppliesTheValidEventsAfterThem() {
        Suite.suite();
        String staff = Tokens.staff(JC);
        String known = Suite.register(staff, JC); // outcomes-service must know someone for the valid outcome below
        Suite.awaitKnown(OUTCOMES, List.of(known));
        Suite.assertReadModelAppliedEachEventOnce();
        String readModelConsumer = "reporting.read-model.g" + Suite.readModel().substring("rm_".length());
        Map<String, Double> before = Map.of(
                REPORTING, deadLettered(REPORTING, readModelConsumer),
                GROUPS, deadLettered(GROUPS, "groups-service.participant-events"),
                OUTCOMES + "/p", deadLettered(OUTCOMES, "outcomes-service.participant-events"),
                OUTCOMES + "/g", deadLettered(OUTCOMES, "outcomes-service.group-events"));

        poison("participant-events", "participant.teleported.v1", "participant.registered.v1");
        poison("group-events", "group.teleported.v1", "participation.entered.v1");
        poison("outcome-events", "outcome.teleported.v1", "outcome.recorded.v1");

        // valid events after the poison, on each topic
        String participant = Suite.register(staff, JC);
        String group = Suite.scheduleGroup(staff, JC, "PHASE_1", "2012-06-04");
        String outcome = Suite.outcome(staff, known, "APPRENTICESHIP", "2012-08-01");

        String schema = Suite.readModel();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".participant WHERE participant_id = ?::uuid",
                    participant)).isEqualTo(1);
            assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".activation_group WHERE group_id = ?::uuid",
                    group)).isEqualTo(1);
            assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".outcome WHERE outcome_id = ?::uuid",
                    outcome)).isEqualTo(1);
            assertThat(count(GROUPS, "SELECT count(*) FROM known_participant WHERE id = ?::uuid", participant)).isEqualTo(1);
            assertThat(count(OUTCOMES, "SELECT count(*) FROM known_participant WHERE id = ?::uuid", participant)).isEqualTo(1);
        });

        // parked: three per topic and consumer, with the reason
        for (String topic : Suite.TOPICS) {
            assertThat(count(REPORTING, "SELECT count(*) FROM dead_letter WHERE consumer = ? AND topic = ?",
                    readModelConsumer, topic)).as(topic).isEqualTo(3);
        }
        assertThat(Rows.query(database(REPORTING), "SELECT reason FROM dead_letter WHERE consumer = ?", readModelConsumer))
                .allSatisfy(row -> assertThat((String) row.get("reason")).isNotBlank());
        assertThat(count(GROUPS, "SELECT count(*) FROM dead_letter WHERE consumer = 'groups-service.participant-events'"))
                .isEqualTo(3);
        assertThat(count(OUTCOMES, "SELECT count(*) FROM dead_letter WHERE consumer = 'outcomes-service.participant-events'"))
                .isEqualTo(3);
        assertThat(count(OUTCOMES, "SELECT count(*) FROM dead_letter WHERE consumer = 'outcomes-service.group-events'"))
                .isEqualTo(3);

        // visible in the projection status ...
        JsonNode status = Suite.as(Tokens.ops()).get(Suite.url(REPORTING, "/projections/status"))
                .then().statusCode(200).extract().as(JsonNode.class);
        for (JsonNode topic : status.path("topics")) {
            assertThat(topic.path("deadLetters").asLong()).as(topic.toString()).isEqualTo(3);
        }
        assertThat(status.path("topics")).hasSize(3);

        // ... and in the metrics (counted since the process started)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(deadLettered(REPORTING, readModelConsumer) - before.get(REPORTING)).isEqualTo(9.0);
            assertThat(deadLettered(GROUPS, "groups-service.participant-events") - before.get(GROUPS)).isEqualTo(3.0);
            assertThat(deadLettered(OUTCOMES, "outcomes-service.participant-events") - before.get(OUTCOMES + "/p"))
                    .isEqualTo(3.0);
            assertThat(deadLettered(OUTCOMES, "outcomes-service.group-events") - before.get(OUTCOMES + "/g")).isEqualTo(3.0);
        });
        // the consumers are still running and caught up
        Suite.assertReadModelAppliedEachEventOnce();
    }

    /** Three poison records: not JSON, an unknown type, a known type without its required fields. */
    static void poison(String topic, String unknownType, String knownType) {
        String key = UUID.randomUUID().toString();
        TopicReader.send(topic, key, "this is {not JSON");
        TopicReader.send(topic, key, cloudEvent(unknownType, Map.of("participantId", key, "jobcenterId", JC)));
        TopicReader.send(topic, key, cloudEvent(knownType, Map.of("jobcenterId", JC)));
    }

    static String cloudEvent(String type, Map<String, Object> data) {
        ObjectNode event = Suite.JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", Suite.POISON_SOURCE);
        event.put("type", type);
        event.put("time", OffsetDateTime.now().toString());
        event.put("subject", UUID.randomUUID().toString());
        event.put("datacontenttype", "application/json");
        event.set("data", Suite.JSON.valueToTree(new HashMap<>(data)));
        return event.toString();
    }

    /** The service's events_dead_lettered_total for one consumer, from /q/metrics (0 before the first). */
    static double deadLettered(String service, String consumer) {
        String metrics = given().get(Suite.suite().url(service) + "/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^events_dead_lettered_total\\{[^}]*consumer=\"" + Pattern.quote(consumer)
                + "\"[^}]*\\} ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
