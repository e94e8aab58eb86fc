package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asProvider;
import static de.nrw.activation.groups.Fixtures.asStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Exit proposals (issue 18): provider staff propose an exit (date, reason), Jobcenter staff accept
 * it, which records the exit and publishes {@code participation.exited.v1}, or reject it with a
 * reason, which changes nothing on the participation.
 */
@QuarkusTest
class ExitProposalTest {

    private static final String EXITED = "participation.exited.v1";

    @Inject
    AgroalDataSource db;

    @Test
    void anAcceptedProposalRecordsTheExitAndPublishesIt() {
        String provider = Fixtures.newProviderId();
        String participation = Providers.participation(db, "herne", Providers.group("herne", provider));
        String participant = Lifecycle.participantOf(db, participation);

        String key = "propose-" + UUID.randomUUID();
        Response proposed = propose(provider, participation, "2013-05-31", "DROPOUT", key);
        proposed.then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("PENDING")).body("participationId", equalTo(participation))
                .body("participantId", equalTo(participant)).body("providerId", equalTo(provider))
                .body("exitDate", equalTo("2013-05-31")).body("reason", equalTo("DROPOUT"));
        String id = proposed.path("id");
        assertThat(proposed.header("Location")).endsWith("/api/v1/exit-proposals/" + id);
        // a retry with the same key answers the first answer and proposes nothing new
        propose(provider, participation, "2013-05-31", "DROPOUT", key).then().statusCode(201)
                .header("Location", equalTo(proposed.header("Location"))).body("id", equalTo(id));
        assertThat(Rows.count(db, "SELECT count(*) FROM exit_proposal WHERE participation_id = ?::uuid", participation)).isEqualTo(1);

        asStaff("herne").get("/api/v1/exit-proposals?status=PENDING&size=500").then().statusCode(200).body("id", hasItem(id));
        asProvider("herne", provider).get("/api/v1/exit-proposals").then().statusCode(200)
                .header("X-Total-Count", "1").body("id", contains(id));
        asProvider("herne", provider).get("/api/v1/exit-proposals/" + id).then().statusCode(200).body("status", equalTo("PENDING"));
        asStaff("herne").get("/api/v1/participations/" + participation).then().body("status", equalTo("ACTIVE"));

        asStaff("herne").post("/api/v1/exit-proposals/" + id + "/accept").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("status", equalTo("ACCEPTED"));
        Map<String, Object> row = Lifecycle.row(db, participation);
        assertThat(row.get("exit_date").toString()).isEqualTo("2013-05-31");
        assertThat(row.get("exit_reason")).isEqualTo("DROPOUT");
        asStaff("herne").get("/api/v1/participations/" + participation).then().body("status", equalTo("ENDED"));
        TopicReader.Published exited = Lifecycle.events(participant, EXITED, 1).get(0);
        assertThat(exited.data().path("participationId").asText()).isEqualTo(participation);
        assertThat(exited.data().path("exitDate").asText()).isEqualTo("2013-05-31");
        assertThat(exited.data().path("reason").asText()).isEqualTo("DROPOUT");
        assertThat(exited.data().path("groupCancelled").booleanValue()).isFalse();

        // decided once: accepting or rejecting again answers 409
        asStaff("herne").post("/api/v1/exit-proposals/" + id + "/accept").then().statusCode(409)
                .body("type", endsWith("/exit-proposal-decided"));
        asStaff("herne").body(Map.of("reason", "too late")).post("/api/v1/exit-proposals/" + id + "/reject")
                .then().statusCode(409).body("type", endsWith("/exit-proposal-decided"));
        asStaff("herne").get("/api/v1/exit-proposals?status=ACCEPTED&size=500").then().body("id", hasItem(id));
        assertThat(Lifecycle.settled(db, participant, EXITED, participation)).hasSize(1);
    }

    @Test
    void aRejectedProposalChangesNothingOnTheParticipation() {
        String provider = Fixtures.newProviderId();
        String participation = Providers.participation(db, "herne", Providers.group("herne", provider));
        String participant = Lifecycle.participantOf(db, participation);
        String id = propose(provider, participation, "2013-05-31", "COMPLETED", null).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> before = Lifecycle.row(db, participation);

        asStaff("herne").body(Map.of("reason", "still attending")).header("If-Match", "\"0\"")
                .post("/api/v1/exit-proposals/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("still attending"));
        assertThat(Lifecycle.row(db, participation)).isEqualTo(before);
        assertThat(Lifecycle.settled(db, participant, EXITED, participation)).isEmpty();
        asProvider("herne", provider).get("/api/v1/exit-proposals/" + id).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("still attending"));
        asProvider("herne", provider).get("/api/v1/exit-proposals?status=PENDING").then().header("X-Total-Count", "0");
        // once decided, the provider may propose again
        propose(provider, participation, "2013-06-03", "COMPLETED", null).then().statusCode(201);
    }

    @Test
    void aProposalForAnEndedParticipationOrASecondPendingOneAnswers409AndTheExitRulesHold() {
        String provider = Fixtures.newProviderId();
        String group = Providers.group("herne", provider);
        String ended = Providers.participation(db, "herne", group);
        Lifecycle.exit("herne", ended, "2013-05-15", "COMPLETED").then().statusCode(200);
        propose(provider, ended, "2013-05-31", "DROPOUT", null).then().statusCode(409).body("type", endsWith("/already-exited"));

        String open = Providers.participation(db, "herne", group);
        propose(provider, open, "2013-06-10", "DROPOUT", null).then().statusCode(422).body("rule", equalTo("exit-in-future"));
        propose(provider, open, "2013-05-01", "DROPOUT", null).then().statusCode(422).body("rule", equalTo("exit-before-entry"));
        String id = propose(provider, open, "2013-05-31", "DROPOUT", null).then().statusCode(201).extract().path("id");
        propose(provider, open, "2013-05-30", "OTHER", null).then().statusCode(409).body("type", endsWith("/exit-proposal-pending"));

        // staff record the exit themselves meanwhile: the proposal can no longer be accepted, only rejected
        Lifecycle.exit("herne", open, "2013-05-29", "INTEGRATED").then().statusCode(200);
        asStaff("herne").post("/api/v1/exit-proposals/" + id + "/accept").then().statusCode(409)
                .body("type", endsWith("/already-exited"));
        asStaff("herne").get("/api/v1/exit-proposals/" + id).then().body("status", equalTo("PENDING"));
        assertThat(Lifecycle.row(db, open).get("exit_reason")).isEqualTo("INTEGRATED");
        asStaff("herne").body(Map.of("reason", "recorded already")).post("/api/v1/exit-proposals/" + id + "/reject")
                .then().statusCode(200);
    }

    @Test
    void onlyTheProvidersStaffProposeAndOnlyTheJobcentersStaffDecide() {
        String provider = Fixtures.newProviderId();
        String participation = Providers.participation(db, "herne", Providers.group("herne", provider));
        String jobcenterRun = Providers.participation(db, "herne", Providers.jobcenterGroup("herne"));
        String body = "/api/v1/participations/" + participation + "/exit-proposals";

        propose(Fixtures.newProviderId(), participation, "2013-05-31", "DROPOUT", null).then().statusCode(404);
        given().auth().oauth2(Tokens.providerStaff("bochum", provider)).contentType("application/json")
                .body(Map.of("exitDate", "2013-05-31", "reason", "DROPOUT")).post(body).then().statusCode(404);
        propose(provider, jobcenterRun, "2013-05-31", "DROPOUT", null).then().statusCode(404);
        asStaff("herne").body(Map.of("exitDate", "2013-05-31", "reason", "DROPOUT")).post(body).then().statusCode(403);

        String id = propose(provider, participation, "2013-05-31", "DROPOUT", null).then().statusCode(201).extract().path("id");
        String path = "/api/v1/exit-proposals/" + id;
        asProvider("herne", provider).post(path + "/accept").then().statusCode(404);
        asProvider("herne", Fixtures.newProviderId()).get(path).then().statusCode(404);
        asProvider("herne", Fixtures.newProviderId()).get("/api/v1/exit-proposals").then().header("X-Total-Count", "0");
        asStaff("bochum").get(path).then().statusCode(404);
        asStaff("bochum").post(path + "/accept").then().statusCode(404);
        asStaff("bochum").get("/api/v1/exit-proposals?size=500").then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/exit-proposals").then().statusCode(403);
        asStaff("herne").header("If-Match", "\"7\"").post(path + "/accept").then().statusCode(412);
        asStaff("herne").get("/api/v1/exit-proposals?status=MAYBE").then().statusCode(400)
                .body("violations.field", hasItem("status"));
        assertThat(Lifecycle.row(db, participation).get("exit_date")).isNull();
    }

    @Test
    void theOpenApiDocumentNamesTheExitProposalOperations() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/participations/{id}/exit-proposals'.post.operationId", equalTo("proposeExit"))
                .body("paths.'/api/v1/exit-proposals'.get.operationId", equalTo("listExitProposals"))
                .body("paths.'/api/v1/exit-proposals/{id}/accept'.post.operationId", equalTo("acceptExitProposal"))
                .body("paths.'/api/v1/exit-proposals/{id}/reject'.post.operationId", equalTo("rejectExitProposal"))
                .body("paths.'/api/v1/exit-proposals'.get.tags", contains("Exit proposals"))
                .body("components.schemas.ProviderParticipation", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.Provider.properties.id", org.hamcrest.Matchers.notNullValue());
    }

    private static Response propose(String provider, String participation, String exitDate, String reason, String key) {
        var request = asProvider("herne", provider).body(Map.of("exitDate", exitDate, "reason", reason));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/participations/" + participation + "/exit-proposals");
    }
}
