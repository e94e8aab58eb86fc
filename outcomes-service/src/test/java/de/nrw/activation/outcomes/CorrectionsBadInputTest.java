package de.nrw.activation.outcomes;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The correction endpoint of issue 13, {@code PUT /participations/{id}/follow-ups/{checkpoint}},
 * against bad input, in the manner of {@link BadInputSweepTest}: each case answers the contract's
 * status as {@code application/problem+json} and changes nothing, checked on the service's tables
 * (an event row is only written in the transaction of a change, so unchanged tables mean no event).
 */
@QuarkusTest
class CorrectionsBadInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OWNER = "herne";
    private static final String OTHER = "bochum";

    @Inject
    AgroalDataSource db;

    /** A participant of {@value #OWNER} whose EXIT checkpoint is recorded: the participation and its ETag. */
    record World(UUID participant, UUID participation, String etag) {
        String path() {
            return "/api/v1/participations/" + participation + "/follow-ups/EXIT";
        }
    }

    private World world() {
        UUID participant = OutcomeFixtures.knownParticipant(db, OWNER);
        UUID participation = OutcomeFixtures.endedParticipation(db, participant, OWNER,
                LocalDate.parse("2012-03-05"), LocalDate.parse("2012-04-13"));
        String etag = OutcomeFixtures.asStaff(OWNER).body(OutcomeFixtures.followUp("EXIT", "UNEMPLOYED", "2012-04-13"))
                .post("/api/v1/participations/" + participation + "/follow-ups")
                .then().statusCode(201).extract().header("ETag");
        return new World(participant, participation, etag);
    }

    private static Map<String, Object> correction() {
        return OutcomeFixtures.followUpCorrection("EMPLOYMENT", "2012-04-16");
    }

    @Test
    void withoutAValidTokenOrWithAnotherRoleItAnswers401Or403AndChangesNothing() {
        World world = world();
        String before = state();
        for (String token : new String[] {null, Tokens.expired(OWNER), Tokens.forged(OWNER), "not.a.jwt"}) {
            RequestSpecification request = given().contentType(ContentType.JSON);
            if (token != null) {
                request.auth().oauth2(token);
            }
            request.body(correction()).put(world.path())
                    .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", equalTo("Bearer"));
        }
        for (String token : new String[] {Tokens.coordinator(), Tokens.ops()}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(correction()).put(world.path())
                    .then().statusCode(403).contentType(PROBLEM);
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndInvalidFieldsAnswer400AndChangeNothing() {
        World world = world();
        String before = state();
        for (String malformed : new String[] {"{\"status\": ", "not json at all", "[1,2", ""}) {
            OutcomeFixtures.asStaff(OWNER).body(malformed).put(world.path())
                    .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        }
        Map<String, Object> unknownStatus = correction();
        unknownStatus.put("status", "NO_SUCH_VALUE");
        OutcomeFixtures.asStaff(OWNER).body(unknownStatus).put(world.path())
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("status"));
        Map<String, Object> noStatus = correction();
        noStatus.put("status", null);
        OutcomeFixtures.asStaff(OWNER).body(noStatus).put(world.path())
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("status"));
        Map<String, Object> notADate = correction();
        notADate.put("checkedOn", "16.04.2012");
        OutcomeFixtures.asStaff(OWNER).body(notADate).put(world.path())
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("checkedOn"));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyAnswers413AndChangesNothing() {
        World world = world();
        String before = state();
        Map<String, Object> body = correction();
        body.put("padding", "x".repeat(300 * 1024)); // over quarkus.http.limits.max-body-size=256K
        OutcomeFixtures.asStaff(OWNER).body(body).put(world.path())
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anotherJobcentersCheckpointAnswers404AsIfMissingAndChangesNothing() {
        World world = world();
        String before = state();
        OutcomeFixtures.asStaff(OTHER).header("If-Match", world.etag()).body(correction()).put(world.path())
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void malformedIdsAnswer400AndChangeNothing() {
        World world = world();
        String before = state();
        OutcomeFixtures.asStaff(OWNER).body(correction()).put("/api/v1/participations/not-a-uuid/follow-ups/EXIT")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("id"));
        OutcomeFixtures.asStaff(OWNER).body(correction())
                .put("/api/v1/participations/" + world.participation() + "/follow-ups/exit")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("checkpoint"));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() {
        World world = world();
        OutcomeFixtures.asStaff(OWNER).header("If-Match", world.etag()).body(correction()).put(world.path())
                .then().statusCode(200);
        String before = state();
        Map<String, Object> other = OutcomeFixtures.followUpCorrection("SELF_EMPLOYMENT", "2012-04-20");
        for (String stale : new String[] {world.etag(), "\"999\"", "W/" + world.etag()}) {
            OutcomeFixtures.asStaff(OWNER).header("If-Match", stale).body(other).put(world.path())
                    .then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412));
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aReplayedCorrectionChangesNothingMoreAndPublishesOnce() {
        World world = world();
        String key = "sweep-" + UUID.randomUUID();
        Response first = OutcomeFixtures.asStaff(OWNER).header("If-Match", world.etag()).header("Idempotency-Key", key)
                .body(correction()).put(world.path());
        first.then().statusCode(200);
        String before = state();
        Response replay = OutcomeFixtures.asStaff(OWNER).header("If-Match", first.header("ETag"))
                .header("Idempotency-Key", key).body(correction()).put(world.path());
        replay.then().statusCode(200).header("ETag", equalTo(first.header("ETag")));
        assertThat(replay.body().asString()).isEqualTo(first.body().asString());
        assertThat(state()).isEqualTo(before);
        TopicReader.await("outcome-events", 1, r -> world.participant().toString().equals(r.key())
                && r.type().equals("followup.corrected.v1"));
        assertThat(TopicReader.readAll("outcome-events").stream().filter(r -> world.participant().toString().equals(r.key())
                && r.type().equals("followup.corrected.v1"))).hasSize(1);
    }

    /** Every table of the service that a request could change. */
    private String state() {
        StringBuilder state = new StringBuilder();
        for (String table : List.of("outcome", "follow_up", "participation", "known_participant", "idempotency_record")) {
            state.append(table).append(Rows.query(db, "SELECT t::text AS row FROM " + table + " t ORDER BY 1"));
        }
        return state.toString();
    }
}
