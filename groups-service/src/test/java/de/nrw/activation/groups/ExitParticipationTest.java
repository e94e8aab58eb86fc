package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.herneGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ExitParticipationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anExitAnswers200AndIsStoredWithItsReason() {
        String participation = entered();
        asStaff("herne").body(Map.of("exitDate", "2012-04-13", "reason", "COMPLETED"))
                .post("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo(participation))
                .body("exitDate", equalTo("2012-04-13"))
                .body("exitReason", equalTo("COMPLETED"));
        Map<String, Object> row = Rows.one(db, "SELECT exit_date, exit_reason FROM participation WHERE id = ?",
                UUID.fromString(participation));
        assertThat(row.get("exit_date").toString()).isEqualTo("2012-04-13");
        assertThat(row.get("exit_reason")).isEqualTo("COMPLETED");
    }

    @Test
    void everyExitReasonIsAccepted() {
        for (String reason : new String[] {"INTEGRATED", "DROPOUT", "OTHER"}) {
            asStaff("herne").body(Map.of("exitDate", "2012-03-20", "reason", reason))
                    .post("/api/v1/participations/" + entered() + "/exit")
                    .then().statusCode(200).body("exitReason", equalTo(reason));
        }
    }

    @Test
    void aSecondExitAnswers409AndKeepsTheFirst() {
        String participation = entered();
        asStaff("herne").body(Map.of("exitDate", "2012-03-20", "reason", "INTEGRATED"))
                .post("/api/v1/participations/" + participation + "/exit").then().statusCode(200);
        asStaff("herne").body(Map.of("exitDate", "2012-03-21", "reason", "DROPOUT"))
                .post("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/already-exited"));
        assertThat(Rows.one(db, "SELECT exit_reason FROM participation WHERE id = ?", UUID.fromString(participation))
                .get("exit_reason")).isEqualTo("INTEGRATED");
    }

    @Test
    void anExitBeforeTheEntryAnswers422() {
        String participation = entered();   // entered 2012-03-07
        asStaff("herne").body(Map.of("exitDate", "2012-03-06", "reason", "DROPOUT"))
                .post("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(422).body("rule", equalTo("exit-before-entry"));
        asStaff("herne").body(Map.of("exitDate", "2012-03-07", "reason", "DROPOUT"))
                .post("/api/v1/participations/" + participation + "/exit").then().statusCode(200);
    }

    @Test
    void anExitAfterTheGroupsEndAnswers422() {
        String participation = entered();   // group ends 2012-04-15
        asStaff("herne").body(Map.of("exitDate", "2012-04-16", "reason", "COMPLETED"))
                .post("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(422).body("rule", equalTo("exit-after-group-end"));
        assertThat(Rows.one(db, "SELECT exit_date FROM participation WHERE id = ?", UUID.fromString(participation))
                .get("exit_date")).isNull();
    }

    @Test
    void anUnknownReasonOrMissingDateAnswers400() {
        String participation = entered();
        asStaff("herne").body(Map.of("exitDate", "2012-04-13", "reason", "FINISHED"))
                .post("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(400).contentType("application/problem+json");
        asStaff("herne").body(Map.of("reason", "COMPLETED"))
                .post("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anotherJobcentersParticipationAnswers404() {
        String participation = entered();
        asStaff("bochum").body(Map.of("exitDate", "2012-04-13", "reason", "COMPLETED"))
                .post("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(404).contentType("application/problem+json");
        asStaff("bochum").get("/api/v1/participations/" + participation).then().statusCode(404);
        asStaff("herne").body(Map.of("exitDate", "2012-04-13", "reason", "COMPLETED"))
                .post("/api/v1/participations/" + UUID.randomUUID() + "/exit").then().statusCode(404);
    }

    @Test
    void anExitWithAStaleIfMatchAnswers412AndChangesNothing() {
        String participation = entered();
        asStaff("herne").header("If-Match", "\"3\"").body(Map.of("exitDate", "2012-04-13", "reason", "COMPLETED"))
                .post("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(412).contentType("application/problem+json");
        asStaff("herne").get("/api/v1/participations/" + participation).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("exitDate", org.hamcrest.Matchers.nullValue());
        asStaff("herne").header("If-Match", "\"0\"").body(Map.of("exitDate", "2012-04-13", "reason", "COMPLETED"))
                .post("/api/v1/participations/" + participation + "/exit").then().statusCode(200);
    }

    @Test
    void anExitDateInTheFutureIsRefused() {
        // today is 2013-06-03; the group runs 2013-05-27 .. 2013-07-07
        String groupId = Fixtures.schedule(Fixtures.group("kreis-guetersloh", "PHASE_2", "2013-05-27"));
        String participation = Fixtures.enter("kreis-guetersloh", groupId,
                Fixtures.knownParticipant(db, "kreis-guetersloh"), "2013-05-27");
        asStaff("kreis-guetersloh").body(Map.of("exitDate", "2013-06-04", "reason", "INTEGRATED"))
                .post("/api/v1/participations/" + participation + "/exit")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("exit-in-future"));
        assertThat(Rows.one(db, "SELECT exit_date FROM participation WHERE id = ?", UUID.fromString(participation))
                .get("exit_date")).isNull();
        asStaff("kreis-guetersloh").body(Map.of("exitDate", "2013-06-03", "reason", "INTEGRATED"))
                .post("/api/v1/participations/" + participation + "/exit").then().statusCode(200)
                .body("status", equalTo("ENDED"));
    }

    private String entered() {
        String groupId = Fixtures.schedule(herneGroup());
        return Fixtures.enter("herne", groupId, Fixtures.knownParticipant(db, "herne"), "2012-03-07");
    }
}
