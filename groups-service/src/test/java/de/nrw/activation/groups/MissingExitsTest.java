package de.nrw.activation.groups;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static de.nrw.activation.groups.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

/**
 * domain.md, "the group has ended and a participation has no exit": it appears on the staff's
 * worklist of missing exits, oldest first, paged. Today is 3 June 2013 (TestClock): Phase I
 * groups have ended.
 */
@QuarkusTest
class MissingExitsTest {

    private static final String JC = "kreis-paderborn";
    private static final String PATH = "/api/v1/participations/missing-exits";

    @Inject
    AgroalDataSource db;

    @Test
    void participationsOfEndedGroupsWithoutAnExitAreListedOldestFirst() {
        long before = total(asStaff(JC).queryParam("size", 500).get(PATH));
        String spring = Fixtures.schedule(group(JC, "PHASE_1", "2012-03-05"));   // ended 2012-04-15
        String winter = Fixtures.schedule(group(JC, "PHASE_1", "2012-01-09"));   // ended 2012-02-19
        String running = Fixtures.schedule(group(JC, Lifecycle.phase(JC, "2013-01-01", "2013-12-31"), "2013-05-27"));
        String missingSpring = Fixtures.enter(JC, spring, Fixtures.knownParticipant(db, JC), "2012-03-05");
        String exited = Fixtures.enter(JC, spring, Fixtures.knownParticipant(db, JC), "2012-03-05");
        Lifecycle.exit(JC, exited, "2012-04-13", "COMPLETED").then().statusCode(200);
        String withdrawn = Fixtures.enter(JC, spring, Fixtures.knownParticipant(db, JC), "2012-03-05");
        Lifecycle.withdraw(JC, withdrawn, "registered in error").then().statusCode(200);
        String missingWinter = Fixtures.enter(JC, winter, Fixtures.knownParticipant(db, JC), "2012-01-11");
        String stillRunning = Fixtures.enter(JC, running, Fixtures.knownParticipant(db, JC), "2013-05-27");

        Response all = asStaff(JC).queryParam("size", 500).get(PATH);
        all.then().statusCode(200).contentType("application/json");
        assertThat(total(all)).isEqualTo(before + 2);
        List<String> ids = all.jsonPath().getList("id");
        assertThat(ids).contains(missingSpring, missingWinter).doesNotContain(exited, withdrawn, stillRunning);
        assertThat(ids.indexOf(missingWinter)).isLessThan(ids.indexOf(missingSpring));
        assertThat(all.jsonPath().getString("find { it.id == '" + missingSpring + "' }.status")).isEqualTo("ACTIVE");
        assertThat(all.jsonPath().getString("find { it.id == '" + missingSpring + "' }.groupId")).isEqualTo(spring);

        // another Jobcenter sees none of them
        List<String> others = asStaff("herne").queryParam("size", 500).get(PATH).then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(others).doesNotContain(missingSpring, missingWinter);

        // recording the exit takes it off the list
        Lifecycle.exit(JC, missingSpring, "2012-04-15", "COMPLETED").then().statusCode(200);
        Response after = asStaff(JC).queryParam("size", 500).get(PATH);
        assertThat(total(after)).isEqualTo(before + 1);
        assertThat(after.jsonPath().getList("id", String.class)).doesNotContain(missingSpring).contains(missingWinter);
    }

    @Test
    void theListIsPagedWithTheTotalInXTotalCount() {
        String ended = Fixtures.schedule(group(JC, "PHASE_1", "2012-05-07"));
        Fixtures.enter(JC, ended, Fixtures.knownParticipant(db, JC), "2012-05-07");
        Fixtures.enter(JC, ended, Fixtures.knownParticipant(db, JC), "2012-05-07");
        long total = total(asStaff(JC).get(PATH));
        assertThat(total).isGreaterThanOrEqualTo(2);

        Response first = asStaff(JC).queryParam("page", 0).queryParam("size", 1).get(PATH);
        first.then().statusCode(200).body("", hasSize(1));
        assertThat(total(first)).isEqualTo(total);
        Response second = asStaff(JC).queryParam("page", 1).queryParam("size", 1).get(PATH);
        second.then().statusCode(200).body("", hasSize(1));
        assertThat(second.jsonPath().getString("[0].id")).isNotEqualTo(first.jsonPath().getString("[0].id"));
        asStaff(JC).queryParam("page", (int) total).queryParam("size", 1).get(PATH).then().statusCode(200).body("", hasSize(0));
        asStaff(JC).queryParam("size", 501).get(PATH).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theCoordinatorHasNoWorklist() {
        Fixtures.asCoordinator().get(PATH).then().statusCode(403).contentType("application/problem+json");
    }

    private static long total(Response response) {
        return Long.parseLong(response.then().statusCode(200).extract().header("X-Total-Count"));
    }
}
