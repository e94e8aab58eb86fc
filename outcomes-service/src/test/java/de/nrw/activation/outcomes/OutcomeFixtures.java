package de.nrw.activation.outcomes;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import de.nrw.activation.testsupport.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Requests and events for the outcomes tests. Other services' events are fed to the real broker
 * as CloudEvents built with the platform's {@link EventEnvelope}, then awaited in the tables.
 */
final class OutcomeFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private OutcomeFixtures() { }

    static RequestSpecification asStaff(String jobcenter) {
        return given().auth().oauth2(Tokens.staff(jobcenter)).contentType(ContentType.JSON);
    }

    /** Today as the service sees it (German date). */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Berlin"));
    }

    // ---- events of other services

    /** A CloudEvent as JSON text, as participants-service or groups-service would publish it. */
    static String cloudEvent(String source, String type, String subject, Map<String, Object> data) {
        return cloudEvent(EventEnvelope.create(source, type, subject, MAPPER.valueToTree(data)));
    }

    static String cloudEvent(EventEnvelope envelope) {
        return new String(envelope.serialize(MAPPER), StandardCharsets.UTF_8);
    }

    static Map<String, Object> profile(UUID participantId, String jobcenter) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participantId", participantId.toString());
        data.put("jobcenterId", jobcenter);
        data.put("gender", "FEMALE");
        data.put("ageBand", "AGE_25_TO_49");
        data.put("customerType", "EXISTING");
        data.put("labourMarketDistance", "CLOSE");
        data.put("vocationalQualification", true);
        return data;
    }

    static Map<String, Object> entry(UUID participationId, UUID participantId, String jobcenter, LocalDate entryDate) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participationId", participationId.toString());
        data.put("participantId", participantId.toString());
        data.put("groupId", UUID.randomUUID().toString());
        data.put("jobcenterId", jobcenter);
        data.put("phaseId", "phase-1");
        data.put("providerType", "JOBCENTER");
        data.put("entryDate", entryDate.toString());
        data.putAll(Map.of("gender", "FEMALE", "ageBand", "AGE_25_TO_49", "customerType", "EXISTING",
                "labourMarketDistance", "CLOSE", "vocationalQualification", true));
        return data;
    }

    /** An exit as the contract describes it: no phase, provider or entry date. */
    static Map<String, Object> exit(UUID participationId, UUID participantId, String jobcenter, LocalDate exitDate) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participationId", participationId.toString());
        data.put("participantId", participantId.toString());
        data.put("groupId", UUID.randomUUID().toString());
        data.put("jobcenterId", jobcenter);
        data.put("exitDate", exitDate.toString());
        data.put("reason", "COMPLETED");
        return data;
    }

    static void sendParticipantEvent(UUID participantId, String type, Map<String, Object> data) {
        TopicReader.send("participant-events", participantId.toString(),
                cloudEvent("/participants-service", type, participantId.toString(), data));
    }

    static void sendGroupEvent(UUID participantId, String type, UUID participationId, Map<String, Object> data) {
        TopicReader.send("group-events", participantId.toString(),
                cloudEvent("/groups-service", type, participationId.toString(), data));
    }

    // ---- known state, fed through the broker and awaited

    /** A participant registered in participants-service, once this service has learned of it. */
    static UUID knownParticipant(DataSource db, String jobcenter) {
        UUID id = UUID.randomUUID();
        sendParticipantEvent(id, "participant.registered.v1", profile(id, jobcenter));
        await().atMost(PATIENCE).until(() -> Rows.count(db, "SELECT count(*) FROM known_participant WHERE id = ?", id) == 1);
        return id;
    }

    static UUID entered(DataSource db, UUID participantId, String jobcenter, LocalDate entryDate) {
        UUID participationId = UUID.randomUUID();
        enter(db, participationId, participantId, jobcenter, entryDate);
        return participationId;
    }

    static void enter(DataSource db, UUID participationId, UUID participantId, String jobcenter, LocalDate entryDate) {
        sendGroupEvent(participantId, "participation.entered.v1", participationId,
                entry(participationId, participantId, jobcenter, entryDate));
        await().atMost(PATIENCE).until(() -> Rows.count(db,
                "SELECT count(*) FROM participation WHERE id = ? AND entry_date IS NOT NULL", participationId) == 1);
    }

    static void exited(DataSource db, UUID participationId, UUID participantId, String jobcenter, LocalDate exitDate) {
        sendGroupEvent(participantId, "participation.exited.v1", participationId,
                exit(participationId, participantId, jobcenter, exitDate));
        await().atMost(PATIENCE).until(() -> Rows.count(db,
                "SELECT count(*) FROM follow_up WHERE participation_id = ? AND due_date >= ?", participationId, exitDate) == 4);
    }

    /** A participant who entered a group on {@code entryDate} and left on {@code exitDate}: the participation id. */
    static UUID endedParticipation(DataSource db, UUID participantId, String jobcenter, LocalDate entryDate,
                                   LocalDate exitDate) {
        UUID participationId = entered(db, participantId, jobcenter, entryDate);
        exited(db, participationId, participantId, jobcenter, exitDate);
        return participationId;
    }

    // ---- request bodies

    static Map<String, Object> outcome(UUID participantId, String kind, String startDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("participantId", participantId.toString());
        body.put("kind", kind);
        body.put("startDate", startDate);
        return body;
    }

    static Map<String, Object> employment(UUID participantId, String startDate) {
        Map<String, Object> body = outcome(participantId, "EMPLOYMENT", startDate);
        body.put("temporaryAgency", false);
        body.put("fixedTerm", true);
        body.put("employer", "Musterbau GmbH");
        return body;
    }

    static Map<String, Object> followUp(String checkpoint, String status, String checkedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("checkpoint", checkpoint);
        body.put("status", status);
        body.put("checkedOn", checkedOn);
        return body;
    }

    /** Records an outcome and returns its id. */
    static String record(String jobcenter, Map<String, Object> body) {
        return asStaff(jobcenter).body(body).post("/api/v1/outcomes").then().statusCode(201).extract().path("id");
    }

    // ---- lifecycle events of groups-service (issue 13)

    /** An exit correction: the data of an exit with the corrected date and reason. */
    static Map<String, Object> exitCorrection(UUID participationId, UUID participantId, String jobcenter,
                                              LocalDate exitDate, String reason) {
        Map<String, Object> data = exit(participationId, participantId, jobcenter, exitDate);
        data.put("reason", reason);
        data.put("groupCancelled", false);
        return data;
    }

    /** The exit of a participation whose group was cancelled on {@code cancelledOn}. */
    static Map<String, Object> cancellationExit(UUID participationId, UUID participantId, String jobcenter,
                                                LocalDate cancelledOn) {
        Map<String, Object> data = exit(participationId, participantId, jobcenter, cancelledOn);
        data.put("reason", "OTHER");
        data.put("groupCancelled", true);
        return data;
    }

    static Map<String, Object> withdrawal(UUID participationId, UUID participantId, String jobcenter) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participationId", participationId.toString());
        data.put("participantId", participantId.toString());
        data.put("groupId", UUID.randomUUID().toString());
        data.put("jobcenterId", jobcenter);
        data.put("reason", "registered in error");
        return data;
    }

    static Map<String, Object> transfer(UUID participationId, UUID participantId, String jobcenter, UUID toGroup,
                                        LocalDate date) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("participationId", participationId.toString());
        data.put("participantId", participantId.toString());
        data.put("fromGroupId", UUID.randomUUID().toString());
        data.put("toGroupId", toGroup.toString());
        data.put("jobcenterId", jobcenter);
        data.put("date", date.toString());
        data.put("toProviderType", "EDUCATION_PROVIDER");
        return data;
    }

    static Map<String, Object> followUpCorrection(String status, String checkedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("checkedOn", checkedOn);
        return body;
    }
}
