package de.nrw.activation.participants;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.participants.ParticipantFixtures.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Provider staff see the first and last names of the participants in the groups their provider
 * runs for their Jobcenter, until 40 days after the participation ended there, and nothing else
 * (issue 18). Who is in which group is learned from group events put on Kafka here, as
 * groups-service would publish them.
 */
@QuarkusTest
class ProviderStaffAccessTest {

    static final String PROVIDER = "bildung-plus";
    static final String OTHER_PROVIDER = "lernwerk";

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper mapper;

    GroupEvents events;

    @BeforeEach
    void events() {
        events = new GroupEvents(db, mapper);
    }

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    static RequestSpecification asProvider(String jobcenter, String provider) {
        return given().auth().oauth2(Tokens.providerStaff(jobcenter, provider)).contentType(ContentType.JSON);
    }

    private List<Map<String, Object>> audit(String participant) {
        return Rows.query(db, "SELECT actor, role, action, outcome, jobcenter_id FROM audit_entry WHERE participant_id = ? "
                + "ORDER BY id", UUID.fromString(participant));
    }

    @Test
    void providerStaffSeeOnlyIdAndNamesOfAParticipantInTheirGroup() {
        String participant = ParticipantFixtures.register("herne");
        UUID group = events.group("herne", PROVIDER);
        events.entered(participant, group, "herne", TestClock.CLOCK.today().minusDays(10));

        asProvider("herne", PROVIDER).get("/api/v1/participants/" + participant)
                .then().statusCode(200)
                .body("keySet()", containsInAnyOrder("id", "firstName", "lastName"))
                .body("id", equalTo(participant))
                .body("firstName", equalTo("Erika"))
                .body("lastName", equalTo("Mustermann"));
        assertThat(audit(participant)).last().isEqualTo(Map.of("actor", "provider-" + PROVIDER + "-herne",
                "role", "provider-staff", "action", "READ", "outcome", "GRANTED", "jobcenter_id", "herne"));
    }

    @Test
    void anotherProvidersGroupAJobcenterGroupOrNoGroupAnswer404AndAreLoggedAsDenied() {
        String inOtherProvidersGroup = ParticipantFixtures.register("herne");
        events.entered(inOtherProvidersGroup, events.group("herne", OTHER_PROVIDER), "herne", TestClock.CLOCK.today());
        String inJobcenterGroup = ParticipantFixtures.register("herne");
        events.entered(inJobcenterGroup, events.group("herne", null), "herne", TestClock.CLOCK.today());
        String inNoGroup = ParticipantFixtures.register("herne");

        for (String participant : List.of(inOtherProvidersGroup, inJobcenterGroup, inNoGroup)) {
            asProvider("herne", PROVIDER).get("/api/v1/participants/" + participant)
                    .then().statusCode(404).contentType("application/problem+json");
            assertThat(audit(participant)).last().isEqualTo(Map.of("actor", "provider-" + PROVIDER + "-herne",
                    "role", "provider-staff", "action", "READ", "outcome", "DENIED", "jobcenter_id", "herne"));
        }
        asProvider("herne", PROVIDER).get("/api/v1/participants/" + UUID.randomUUID()).then().statusCode(404);
        // the other provider does see its own participant
        asProvider("herne", OTHER_PROVIDER).get("/api/v1/participants/" + inOtherProvidersGroup).then().statusCode(200);
    }

    @Test
    void theSameProviderWorkingForAnotherJobcenterSeesNothing() {
        String participant = ParticipantFixtures.register("herne");
        events.entered(participant, events.group("herne", PROVIDER), "herne", TestClock.CLOCK.today());

        asProvider("bochum", PROVIDER).get("/api/v1/participants/" + participant).then().statusCode(404);
        // a group of another Jobcenter that names the participant gives no access to it either
        events.entered(participant, events.group("bochum", PROVIDER), "bochum", TestClock.CLOCK.today());
        asProvider("bochum", PROVIDER).get("/api/v1/participants/" + participant).then().statusCode(404);
        asProvider("herne", PROVIDER).get("/api/v1/participants/" + participant).then().statusCode(200);
    }

    @Test
    void everyOtherEndpointAnswersProviderStaff404AndChangesNothing() {
        String participant = ParticipantFixtures.register("herne");
        events.entered(participant, events.group("herne", PROVIDER), "herne", TestClock.CLOCK.today());
        Map<String, Object> before = Rows.one(db, "SELECT * FROM participant WHERE id = ?", UUID.fromString(participant));
        String path = "/api/v1/participants/" + participant;

        asProvider("herne", PROVIDER).get("/api/v1/participants").then().statusCode(404).contentType("application/problem+json");
        asProvider("herne", PROVIDER).queryParam("customerNumber", before.get("customer_number"))
                .get("/api/v1/participants").then().statusCode(404);
        asProvider("herne", PROVIDER).body(ParticipantFixtures.registration("herne")).post("/api/v1/participants")
                .then().statusCode(404);
        asProvider("herne", PROVIDER).queryParam("on", "2012-03-05").get(path + "/age-band").then().statusCode(404);
        asProvider("herne", PROVIDER).body(ChangeParticipantTest.change()).put(path).then().statusCode(404);
        asProvider("herne", PROVIDER).delete(path).then().statusCode(404);
        asProvider("herne", PROVIDER).get(path + "/audit").then().statusCode(404).contentType("application/problem+json");
        asProvider("herne", PROVIDER).get("/api/v1/audit").then().statusCode(404).contentType("application/problem+json");

        assertThat(Rows.one(db, "SELECT * FROM participant WHERE id = ?", UUID.fromString(participant))).isEqualTo(before);
        assertThat(Rows.count(db, "SELECT count(*) FROM participant WHERE jobcenter_id = 'herne' AND registered_at > ?",
                before.get("registered_at"))).isZero();
        assertThat(audit(participant)).extracting(e -> e.get("action") + " " + e.get("outcome"))
                .endsWith("READ_AGE_BAND DENIED", "CHANGE DENIED", "ERASE DENIED");
    }

    @Test
    void accessEndsFortyDaysAfterTheExit() {
        String participant = ParticipantFixtures.register("herne");
        UUID group = events.group("herne", PROVIDER);
        LocalDate exit = LocalDate.of(2025, 3, 14);
        UUID participation = events.entered(participant, group, "herne", exit.minusWeeks(8));
        events.exited(participation, participant, group, "herne", exit);
        String path = "/api/v1/participants/" + participant;

        TestClock.CLOCK.setToday(exit.plusDays(40));
        asProvider("herne", PROVIDER).get(path).then().statusCode(200);
        TestClock.CLOCK.setToday(exit.plusDays(41));
        asProvider("herne", PROVIDER).get(path).then().statusCode(404);
        // Jobcenter staff keep seeing the participant
        asStaff("herne").get(path).then().statusCode(200).body("lastName", equalTo("Mustermann"));

        // a corrected, later exit date moves the end of access
        events.exitCorrected(participation, participant, group, "herne", exit.plusDays(10));
        asProvider("herne", PROVIDER).get(path).then().statusCode(200);
        TestClock.CLOCK.setToday(exit.plusDays(51));
        asProvider("herne", PROVIDER).get(path).then().statusCode(404);
        // the original exit delivered again afterwards does not undo the correction
        events.exited(participation, participant, group, "herne", exit);
        TestClock.CLOCK.setToday(exit.plusDays(50));
        asProvider("herne", PROVIDER).get(path).then().statusCode(200);
    }

    @Test
    void withoutARecordedExitAccessEndsFortyDaysAfterTheGroupsLastDay() {
        String participant = ParticipantFixtures.register("herne");
        LocalDate groupEnd = LocalDate.of(2025, 6, 27);
        UUID group = events.group("herne", PROVIDER, groupEnd);
        events.entered(participant, group, "herne", groupEnd.minusWeeks(8));
        String path = "/api/v1/participants/" + participant;

        TestClock.CLOCK.setToday(groupEnd.plusDays(40));
        asProvider("herne", PROVIDER).get(path).then().statusCode(200);
        TestClock.CLOCK.setToday(groupEnd.plusDays(41));
        asProvider("herne", PROVIDER).get(path).then().statusCode(404);
    }

    @Test
    void aTransferEndsTheOldProvidersAccessFortyDaysLaterAndOpensTheNewOnes() {
        String participant = ParticipantFixtures.register("herne");
        UUID oldGroup = events.group("herne", PROVIDER);
        UUID newGroup = events.group("herne", OTHER_PROVIDER);
        LocalDate transfer = LocalDate.of(2025, 5, 5);
        // the transfer arrives before the entry: the order of events does not matter
        UUID participation = UUID.randomUUID();
        events.transferred(participation, participant, oldGroup, newGroup, "herne", transfer);
        events.entered(participation, participant, oldGroup, "herne", transfer.minusWeeks(3));
        String path = "/api/v1/participants/" + participant;

        TestClock.CLOCK.setToday(transfer.minusDays(1).plusDays(40));
        asProvider("herne", PROVIDER).get(path).then().statusCode(200);
        TestClock.CLOCK.setToday(transfer.plusDays(40));
        asProvider("herne", PROVIDER).get(path).then().statusCode(404);
        asProvider("herne", OTHER_PROVIDER).get(path).then().statusCode(200);
    }

    @Test
    void aWithdrawnParticipationGivesNoAccess() {
        String participant = ParticipantFixtures.register("herne");
        UUID group = events.group("herne", PROVIDER);
        UUID participation = events.entered(participant, group, "herne", TestClock.CLOCK.today());
        asProvider("herne", PROVIDER).get("/api/v1/participants/" + participant).then().statusCode(200);

        events.withdrawn(participation, participant, group, "herne");
        asProvider("herne", PROVIDER).get("/api/v1/participants/" + participant).then().statusCode(404);
    }

    @Test
    void aGroupHandedToAnotherProviderMovesTheAccessEvenIfTheEntryCameFirst() {
        String participant = ParticipantFixtures.register("herne");
        UUID group = UUID.randomUUID();
        events.entered(participant, group, "herne", TestClock.CLOCK.today());
        asProvider("herne", PROVIDER).get("/api/v1/participants/" + participant).then().statusCode(404);

        events.scheduled(group, "herne", PROVIDER);
        asProvider("herne", PROVIDER).get("/api/v1/participants/" + participant).then().statusCode(200);

        events.changed(group, "herne", OTHER_PROVIDER);
        asProvider("herne", PROVIDER).get("/api/v1/participants/" + participant).then().statusCode(404);
        asProvider("herne", OTHER_PROVIDER).get("/api/v1/participants/" + participant).then().statusCode(200);
    }
}
