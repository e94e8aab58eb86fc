package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * domain.md, "attendance after a (corrected) exit date no longer counts for that participant":
 * the absences count only days up to the exit, and a new recording after it is refused. The
 * group meets Monday, Wednesday and Thursday from 5 March 2012.
 */
@QuarkusTest
class AttendanceAfterExitTest {

    private static final String JC = "kreis-dueren";

    @Inject
    AgroalDataSource db;

    @Test
    void attendanceAfterACorrectedExitNoLongerCountsButStaysStored() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participant = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, groupId, participant, "2012-03-05");
        for (String day : List.of("2012-03-05", "2012-03-07", "2012-03-08", "2012-03-12")) {
            record(groupId, day, participant, "UNEXCUSED").then().statusCode(200);
        }
        record(groupId, "2012-03-14", participant, "EXCUSED").then().statusCode(200);
        Lifecycle.exit(JC, participation, "2012-04-13", "COMPLETED").then().statusCode(200);
        assertAbsences(groupId, participant, 4, 1);

        Lifecycle.correctExit(JC, participation, null, "2012-03-07", "DROPOUT").then().statusCode(200);

        assertAbsences(groupId, participant, 2, 0);
        assertThat(Rows.count(db, "SELECT count(*) FROM attendance WHERE group_id = ? AND participant_id = ?",
                UUID.fromString(groupId), UUID.fromString(participant))).isEqualTo(5);
        // minUnexcused works on the counted days
        asStaff(JC).queryParam("minUnexcused", 3).get("/api/v1/groups/" + groupId + "/absences").then().statusCode(200)
                .body("participantId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(participant)));
    }

    @Test
    void aRecordingForADayAfterTheExitIsRefusedTheExitDayItselfCounts() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participant = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, groupId, participant, "2012-03-05");
        Lifecycle.exit(JC, participation, "2012-03-07", "DROPOUT").then().statusCode(200);

        record(groupId, "2012-03-08", participant, "UNEXCUSED").then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("not-in-group"));
        record(groupId, "2012-03-07", participant, "UNEXCUSED").then().statusCode(200);
        assertAbsences(groupId, participant, 1, 0);
        assertThat(Rows.count(db, "SELECT count(*) FROM attendance WHERE group_id = ? AND session_date = '2012-03-08'",
                UUID.fromString(groupId))).isZero();
    }

    @Test
    void aBackDatedExitRecordedAfterTheAttendanceStopsItCounting() {
        String groupId = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));
        String participant = Fixtures.knownParticipant(db, JC);
        String participation = Fixtures.enter(JC, groupId, participant, "2012-03-05");
        record(groupId, "2012-03-12", participant, "UNEXCUSED").then().statusCode(200);
        record(groupId, "2012-03-14", participant, "UNEXCUSED").then().statusCode(200);

        // recorded late: the participant had left on 12 March
        Lifecycle.exit(JC, participation, "2012-03-12", "DROPOUT").then().statusCode(200);

        assertAbsences(groupId, participant, 1, 0);
    }

    private static Response record(String groupId, String day, String participant, String status) {
        return asStaff(JC).body(List.of(Map.of("participantId", participant, "status", status)))
                .put("/api/v1/groups/" + groupId + "/sessions/" + day + "/attendance");
    }

    private static void assertAbsences(String groupId, String participant, int unexcused, int excused) {
        String row = "find { it.participantId == '" + participant + "' }";
        asStaff(JC).get("/api/v1/groups/" + groupId + "/absences").then().statusCode(200)
                .body(row + ".unexcused", equalTo(unexcused)).body(row + ".excused", equalTo(excused));
    }
}
