package de.nrw.activation.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks TopicReader applies to every published record, against docs/asyncapi.yaml. */
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HEADERS = Map.of("content-type", "application/cloudevents+json; charset=UTF-8");
    private final EventSchemas schemas = EventSchemas.shared();
    private final String participationId = UUID.randomUUID().toString();
    private final String participantId = UUID.randomUUID().toString();

    /** A participation.exited.v1 as groups-service's outbox writes it. */
    private ObjectNode exited() {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/groups-service")
                .put("type", EventTypes.PARTICIPATION_EXITED)
                .put("datacontenttype", "application/json")
                .put("subject", participationId)
                .put("time", "2026-12-02T07:15:30.123456Z");
        event.putObject("data")
                .put("participationId", participationId)
                .put("participantId", participantId)
                .put("groupId", UUID.randomUUID().toString())
                .put("jobcenterId", "JC-HERNE")
                .put("phaseId", "PHASE_1")
                .put("providerType", "JOBCENTER")
                .put("entryDate", "2026-03-02")
                .put("exitDate", "2026-06-30")
                .put("reason", "INTEGRATED")
                .put("groupCancelled", false);
        return event;
    }

    private List<String> problemsOf(Consumer<ObjectNode> breakIt) {
        ObjectNode event = exited();
        breakIt.accept(event);
        return schemas.problems(Topics.GROUP_EVENTS, participantId, event, HEADERS);
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    @Test
    void theDocumentDescribesEveryEventTypeAndTopicOfTheContract() {
        assertThat(schemas.types()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL.keySet());
        assertThat(Topics.ALL).allMatch(schemas::describes);
        assertThat(schemas.describes("outbox-test-topic")).isFalse();
    }

    @Test
    void anEventAsTheOutboxWritesItMatches() {
        assertThat(problemsOf(e -> { })).isEmpty();
        // optional fields may be left out (the records are written NON_NULL)
        assertThat(problemsOf(e -> data(e).remove(List.of("phaseId", "providerType", "entryDate", "groupCancelled")))).isEmpty();
    }

    @Test
    void aMissingRequiredDataFieldIsReported() {
        assertThat(problemsOf(e -> data(e).remove("reason")))
                .singleElement().asString().contains("$.data").contains("reason");
    }

    @Test
    void anUnknownEnumValueIsReported() {
        assertThat(problemsOf(e -> data(e).put("reason", "RETIRED")))
                .singleElement().asString().contains("$.data.reason");
    }

    @Test
    void valuesOfTheWrongShapeAreReported() {
        assertThat(problemsOf(e -> data(e).put("exitDate", "30.06.2026"))).singleElement().asString().contains("$.data.exitDate");
        assertThat(problemsOf(e -> data(e).put("groupCancelled", "no"))).singleElement().asString().contains("$.data.groupCancelled");
        assertThat(problemsOf(e -> data(e).put("groupId", "group-7"))).singleElement().asString().contains("$.data.groupId");
    }

    @Test
    void aBrokenEnvelopeIsReported() {
        assertThat(problemsOf(e -> e.remove("specversion"))).singleElement().asString().contains("specversion");
        assertThat(problemsOf(e -> e.put("id", "42"))).singleElement().asString().contains("$.id");
        assertThat(problemsOf(e -> e.put("source", "/participants-service"))).singleElement().asString().contains("$.source");
        assertThat(problemsOf(e -> e.put("time", "yesterday"))).singleElement().asString().contains("$.time");
        assertThat(problemsOf(e -> e.put("datacontenttype", "text/plain"))).singleElement().asString().contains("$.datacontenttype");
    }

    @Test
    void anUnknownTypeOrTheWrongTopicIsReported() {
        assertThat(problemsOf(e -> e.put("type", "participation.paused.v1")))
                .singleElement().asString().contains("'participation.paused.v1' is not a message");
        ObjectNode event = exited();
        assertThat(schemas.problems(Topics.OUTCOME_EVENTS, participantId, event, HEADERS))
                .singleElement().asString().contains("belongs on group-events");
    }

    @Test
    void theKeyMustBeTheParticipantIdAndTheSubjectTheAggregateId() {
        ObjectNode event = exited();
        assertThat(schemas.problems(Topics.GROUP_EVENTS, participationId, event, HEADERS))
                .singleElement().asString().isEqualTo("the record key is not data.participantId");
        assertThat(schemas.problems(Topics.GROUP_EVENTS, "anna", event, HEADERS))
                .anySatisfy(p -> assertThat(p).startsWith("key "))
                .contains("the record key is not data.participantId");
        assertThat(problemsOf(e -> e.put("subject", participantId)))
                .singleElement().asString().isEqualTo("subject is not data.participationId");
    }

    @Test
    void theRecordHeaderMustSayCloudEventsJson() {
        JsonNode event = exited();
        assertThat(schemas.problems(Topics.GROUP_EVENTS, participantId, event, Map.of()))
                .singleElement().asString().contains("headers").contains("content-type");
        assertThat(schemas.problems(Topics.GROUP_EVENTS, participantId, event, Map.of("content-type", "application/json")))
                .singleElement().asString().contains("headers");
    }

    @Test
    void aValueThatIsNotJsonIsReported() {
        assertThat(schemas.problems(Topics.GROUP_EVENTS, participantId, JSON.getNodeFactory().textNode("garbage"), HEADERS))
                .containsExactly("the value is not a CloudEvent in JSON");
    }
}
