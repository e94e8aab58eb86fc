package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static de.nrw.activation.groups.Fixtures.asProvider;
import static de.nrw.activation.groups.Fixtures.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Provider staff lose access to a participation 40 days after its stay in their group ended (issue
 * 18): the exit, or while the exit is missing the group's last day; they see it on the 40th day
 * after, not on the 41st. The clock is the tests' own
 * ({@link TestClock}), moved day by day across the boundary; the group itself stays visible.
 */
@QuarkusTest
class ProviderAccessEndsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TestClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void aParticipationIsSeenUntilThe40thDayAfterItsExitAndAnOpenOneUntilThe40thDayAfterTheGroupsEnd() {
        String provider = Fixtures.newProviderId();
        String group = Providers.group("herne", provider);
        String left = Providers.participation(db, "herne", group);
        String stays = Providers.participation(db, "herne", group);
        Lifecycle.exit("herne", left, "2013-05-08", "DROPOUT").then().statusCode(200);

        assertSeen(provider, group, left, stays);
        asProvider("herne", provider).get("/api/v1/participations/" + left).then().statusCode(200)
                .body("exitDate", equalTo("2013-05-08")).body("exitReason", equalTo("DROPOUT"))
                .body("status", equalTo("ENDED")).body("accessUntil", equalTo("2013-06-17"));

        clock.setToday(LocalDate.of(2013, 6, 17));   // 40 days after the exit: the last day
        assertSeen(provider, group, left, stays);
        clock.setToday(LocalDate.of(2013, 6, 18));   // 41 days after it: gone
        assertSeen(provider, group, stays);
        asProvider("herne", provider).get("/api/v1/participations/" + left).then().statusCode(404);
        // the Jobcenter's staff still see everything
        asStaff("herne").get("/api/v1/participations/" + left).then().statusCode(200);
        asStaff("herne").get("/api/v1/groups/" + group + "/participations").then().statusCode(200).header("X-Total-Count", "2");

        clock.setToday(LocalDate.of(2013, 7, 26));   // no exit: 40 days after the group's end 2013-06-16
        assertSeen(provider, group, stays);
        clock.setToday(LocalDate.of(2013, 7, 27));
        assertSeen(provider, group);
        asProvider("herne", provider).get("/api/v1/participations/" + stays).then().statusCode(404);
        asProvider("herne", provider).get("/api/v1/groups/" + group).then().statusCode(200);
        asProvider("herne", provider).get("/api/v1/groups/" + group + "/sessions").then().statusCode(200);
    }

    @Test
    void aParticipationTransferredOutIsSeenUntilThe40thDayAfterItsLastDayInTheGroupButTakesNoProposal() {
        String provider = Fixtures.newProviderId();
        String group = Providers.group("herne", provider);
        String moved = Providers.participation(db, "herne", group);
        Lifecycle.transfer("herne", moved, Providers.jobcenterGroup("herne"), "2013-05-13").then().statusCode(200);

        asProvider("herne", provider).get("/api/v1/participations/" + moved).then().statusCode(200)
                .body("groupId", equalTo(group)).body("from", equalTo(Providers.START)).body("to", equalTo("2013-05-12"))
                .body("status", equalTo("ACTIVE")).body("accessUntil", equalTo("2013-06-21"));
        // it runs in the Jobcenter's group now: the provider proposes no exit for it
        asProvider("herne", provider).body(Map.of("exitDate", "2013-05-31", "reason", "DROPOUT"))
                .post("/api/v1/participations/" + moved + "/exit-proposals").then().statusCode(404);
        clock.setToday(LocalDate.of(2013, 6, 21));
        asProvider("herne", provider).get("/api/v1/participations/" + moved).then().statusCode(200);
        clock.setToday(LocalDate.of(2013, 6, 22));
        asProvider("herne", provider).get("/api/v1/participations/" + moved).then().statusCode(404);
        assertSeen(provider, group);
    }

    @Test
    void attendanceOfAParticipantNoLongerSeenIsHiddenFromProviderStaffAndKeptWhenTheyRecordTheSession() {
        String provider = Fixtures.newProviderId();
        String group = Providers.group("herne", provider);
        String left = Providers.participation(db, "herne", group);
        String stays = Providers.participation(db, "herne", group);
        String leftPerson = Lifecycle.participantOf(db, left);
        String staysPerson = Lifecycle.participantOf(db, stays);
        String session = "/api/v1/groups/" + group + "/sessions/" + Providers.FIRST_SESSION + "/attendance";
        asStaff("herne").body(List.of(entry(leftPerson, "UNEXCUSED"), entry(staysPerson, "UNEXCUSED"))).put(session)
                .then().statusCode(200);
        Lifecycle.exit("herne", left, "2013-05-08", "DROPOUT").then().statusCode(200);

        clock.setToday(LocalDate.of(2013, 6, 18));
        asProvider("herne", provider).get(session).then().statusCode(200).body("entries.participantId", contains(staysPerson));
        asProvider("herne", provider).get("/api/v1/groups/" + group + "/absences").then().statusCode(200)
                .body("participantId", contains(staysPerson));
        asProvider("herne", provider).body(List.of(entry(leftPerson, "PRESENT"))).put(session)
                .then().statusCode(422).body("rule", equalTo("not-in-group"));

        asProvider("herne", provider).body(List.of(entry(staysPerson, "EXCUSED"))).put(session).then().statusCode(200)
                .body("entries.participantId", contains(staysPerson));
        assertThat(Rows.query(db, "SELECT participant_id::text AS p, status FROM attendance WHERE group_id = ?::uuid "
                + "AND session_date = ?::date ORDER BY status", group, Providers.FIRST_SESSION))
                .containsExactly(Map.of("p", staysPerson, "status", "EXCUSED"), Map.of("p", leftPerson, "status", "UNEXCUSED"));
        // the event carries the session's complete attendance, as every recording does
        List<TopicReader.Published> recorded = TopicReader.await("group-events", 2,
                r -> group.equals(r.key()) && "attendance.recorded.v1".equals(r.type()));
        assertThat(recorded.get(recorded.size() - 1).data().path("entries")).hasSize(2);
        asStaff("herne").get("/api/v1/groups/" + group + "/absences").then().statusCode(200)
                .body("find { it.participantId == '" + staysPerson + "' }.excused", equalTo(1))
                .body("find { it.participantId == '" + leftPerson + "' }.unexcused", equalTo(1));
    }

    private void assertSeen(String provider, String group, String... participations) {
        asProvider("herne", provider).get("/api/v1/groups/" + group + "/participations").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(participations.length))
                .body("id", containsInAnyOrder((Object[]) participations));
        for (String participation : participations) {
            asProvider("herne", provider).get("/api/v1/participations/" + participation).then().statusCode(200);
        }
    }

    private static Map<String, String> entry(String participantId, String status) {
        return Map.of("participantId", participantId, "status", status);
    }
}
