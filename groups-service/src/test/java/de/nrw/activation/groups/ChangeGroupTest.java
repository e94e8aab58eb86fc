package de.nrw.activation.groups;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * domain.md, "a group changes after scheduling": name, location, coaches, provider name and
 * capacity (not below the places taken) can change; the timetable's rules still hold.
 */
@QuarkusTest
class ChangeGroupTest {

    private static final String JC = "rhein-kreis-neuss";

    @Inject
    AgroalDataSource db;

    @Test
    void theDetailsChangeAndGroupChangedIsPublishedWithoutNames() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        Map<String, Object> change = change("Aktivierungsgruppe Nord", "Raum 3.02", List.of("Erika Coachfrau", "Max Coachmann"),
                "Jobcenter Rhein-Kreis Neuss, Team 2", 18);

        asStaff(JC).header("If-Match", "\"0\"").body(change).put("/api/v1/groups/" + groupId)
                .then().statusCode(200).contentType("application/json").header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Aktivierungsgruppe Nord")).body("location", equalTo("Raum 3.02"))
                .body("coaches", equalTo(List.of("Erika Coachfrau", "Max Coachmann")))
                .body("provider.type", equalTo("JOBCENTER")).body("provider.name", equalTo("Jobcenter Rhein-Kreis Neuss, Team 2"))
                .body("capacity", equalTo(18))
                .body("startDate", equalTo("2012-03-05")).body("endDate", equalTo("2012-04-15"))
                .body("meetingDays", equalTo(List.of("MONDAY", "WEDNESDAY", "THURSDAY"))).body("version", equalTo(1));
        asStaff(JC).get("/api/v1/groups/" + groupId).then().header("ETag", equalTo("\"1\"")).body("capacity", equalTo(18));

        Map<String, Object> row = Rows.one(db, "SELECT name, location, provider_name, capacity, array_to_string(coaches, '|') AS coaches, "
                + "version FROM activation_group WHERE id = ?", UUID.fromString(groupId));
        assertThat(row).containsEntry("name", "Aktivierungsgruppe Nord").containsEntry("location", "Raum 3.02")
                .containsEntry("provider_name", "Jobcenter Rhein-Kreis Neuss, Team 2").containsEntry("capacity", 18)
                .containsEntry("coaches", "Erika Coachfrau|Max Coachmann").containsEntry("version", 1L);

        JsonNode event = Lifecycle.events(groupId, "group.changed.v1", 1).get(0).event();
        assertThat(event.path("subject").asText()).isEqualTo(groupId);
        JsonNode data = event.path("data");
        assertThat(data.path("groupId").asText()).isEqualTo(groupId);
        assertThat(data.path("jobcenterId").asText()).isEqualTo(JC);
        assertThat(data.path("phaseId").asText()).isEqualTo("PHASE_1");
        assertThat(data.path("providerType").asText()).isEqualTo("JOBCENTER");
        assertThat(data.path("change").asText()).isEqualTo("DETAILS_CHANGED");
        assertThat(data.path("capacity").asInt()).isEqualTo(18);
        assertThat(data.path("startDate").asText()).isEqualTo("2012-03-05");
        assertThat(data.path("endDate").asText()).isEqualTo("2012-04-15");
        assertThat(data.path("hoursPerWeek").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(data.path("meetingDays").toString()).isEqualTo("[\"MONDAY\",\"WEDNESDAY\",\"THURSDAY\"]");
        assertThat(event.toString()).doesNotContain("Nord", "Raum", "Coachfrau", "Coachmann", "Team 2");
    }

    @Test
    void theCapacityMayNotGoBelowTheMostParticipantsOnOneDay() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String first = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-05");
        Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-05");
        String third = Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-26");
        Lifecycle.exit(JC, first, "2012-03-23", "DROPOUT").then().statusCode(200);
        Lifecycle.withdraw(JC, third, "registered in error").then().statusCode(200);
        Fixtures.enter(JC, groupId, Fixtures.knownParticipant(db, JC), "2012-03-26");
        // on one day at most two were in the group: first and second, then second and fourth

        put(groupId, null, with(valid(groupId), "capacity", 1)).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/capacity-below-places-taken"));
        assertThat(capacity(groupId)).isEqualTo(15);
        put(groupId, null, with(valid(groupId), "capacity", 2)).then().statusCode(200).body("capacity", equalTo(2));
        assertThat(capacity(groupId)).isEqualTo(2);
    }

    @Test
    void theProgrammesRulesStillHoldAndARefusedChangeChangesNothing() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        assertRule(groupId, with(valid(groupId), "capacity", 21), "capacity");
        assertRule(groupId, with(valid(groupId), "capacity", 0), "capacity");
        assertRule(groupId, with(valid(groupId), "coaches", List.of()), "coaching-ratio");
        assertRule(groupId, with(valid(groupId), "provider", Map.of("type", "EDUCATION_PROVIDER", "name", "Bildungswerk")),
                "provider-type-unchangeable");
        put(groupId, null, with(valid(groupId), "name", " ")).then().statusCode(400).contentType("application/problem+json");
        put(groupId, null, with(valid(groupId), "capacity", null)).then().statusCode(400);
        put(groupId, null, with(valid(groupId), "provider", Map.of("type", "CHARITY", "name", "X"))).then().statusCode(400);
        put(groupId, "\"3\"", valid(groupId)).then().statusCode(412).contentType("application/problem+json");
        asStaff("bochum").body(valid(groupId)).put("/api/v1/groups/" + groupId).then().statusCode(404)
                .contentType("application/problem+json");
        put(UUID.randomUUID().toString(), null, valid(groupId)).then().statusCode(404);

        assertThat(Rows.one(db, "SELECT version, capacity FROM activation_group WHERE id = ?", UUID.fromString(groupId)))
                .containsEntry("version", 0L).containsEntry("capacity", 15);
        assertThat(Lifecycle.settled(db, groupId, "group.changed.v1", groupId)).isEmpty();

        String cancelled = Fixtures.schedule(group(JC, "PHASE_1", "2012-05-07"));
        asStaff(JC).post("/api/v1/groups/" + cancelled + "/cancel").then().statusCode(200);
        assertRule(cancelled, with(valid(cancelled), "capacity", 10), "group-cancelled");
    }

    @Test
    void theSameValuesAgainChangeNothing() {
        Map<String, Object> body = group(JC, "PHASE_1", "2012-03-05");
        String groupId = Fixtures.schedule(body);
        Map<String, Object> same = change((String) body.get("name"), (String) body.get("location"),
                (List<?>) body.get("coaches"), "Jobcenter " + JC, 15);
        put(groupId, "\"0\"", same).then().statusCode(200).header("ETag", equalTo("\"0\""));
        assertThat(Lifecycle.settled(db, groupId, "group.changed.v1", groupId)).isEmpty();
    }

    private io.restassured.response.Response put(String groupId, String ifMatch, Map<String, Object> body) {
        var request = asStaff(JC);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body(body).put("/api/v1/groups/" + groupId);
    }

    private void assertRule(String groupId, Map<String, Object> body, String rule) {
        put(groupId, null, body).then().statusCode(422).contentType("application/problem+json").body("rule", equalTo(rule));
    }

    private int capacity(String groupId) {
        return ((Number) Rows.one(db, "SELECT capacity FROM activation_group WHERE id = ?", UUID.fromString(groupId))
                .get("capacity")).intValue();
    }

    private static Map<String, Object> valid(String groupId) {
        return change("Gruppe " + groupId.substring(0, 8), "Raum 1.01", List.of("Coach Eins"), "Jobcenter " + JC, 15);
    }

    private static Map<String, Object> change(String name, String location, List<?> coaches, String provider, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("location", location);
        body.put("coaches", coaches);
        body.put("provider", Map.of("type", "JOBCENTER", "name", provider));
        body.put("capacity", capacity);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
