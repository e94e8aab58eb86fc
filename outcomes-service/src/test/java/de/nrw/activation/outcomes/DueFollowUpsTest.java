package de.nrw.activation.outcomes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static de.nrw.activation.outcomes.OutcomeFixtures.asStaff;
import static de.nrw.activation.outcomes.OutcomeFixtures.endedParticipation;
import static de.nrw.activation.outcomes.OutcomeFixtures.followUp;
import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static de.nrw.activation.outcomes.OutcomeFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/** Each test uses a Jobcenter of its own: the due list is per Jobcenter. */
@QuarkusTest
class DueFollowUpsTest {

    @Inject
    AgroalDataSource db;

    private UUID endedIn(String jobcenter, String entry, String exit) {
        return endedParticipation(db, knownParticipant(db, jobcenter), jobcenter, LocalDate.parse(entry), LocalDate.parse(exit));
    }

    @Test
    void checkpointsFallOnTheSameDayOrTheMonthsLastDay() {
        UUID january = endedIn("kreis-heinsberg", "2011-12-05", "2012-01-31");
        UUID november = endedIn("kreis-heinsberg", "2011-10-04", "2011-11-30");

        asStaff("kreis-heinsberg").queryParam("until", "2013-12-31").get("/api/v1/follow-ups/due")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("8"))
                .body("findAll { it.participationId == '" + january + "' }.dueDate",
                        contains("2012-01-31", "2012-04-30", "2012-07-31", "2013-01-31"))
                .body("findAll { it.participationId == '" + january + "' }.checkpoint",
                        contains("EXIT", "MONTH_3", "MONTH_6", "MONTH_12"))
                .body("findAll { it.participationId == '" + november + "' }.dueDate",
                        contains("2011-11-30", "2012-02-29", "2012-05-30", "2012-11-30"));
    }

    @Test
    void theListIsOldestFirstAndOnlyUpToUntil() {
        UUID first = endedIn("kreis-herford", "2011-12-05", "2012-01-31");
        UUID second = endedIn("kreis-herford", "2011-10-04", "2011-11-30");

        List<String> dueDates = asStaff("kreis-herford").queryParam("until", "2012-05-30").get("/api/v1/follow-ups/due")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("5"))
                .body("participationId", contains(second.toString(), first.toString(), second.toString(),
                        first.toString(), second.toString()))
                .body("checkpoint", contains("EXIT", "EXIT", "MONTH_3", "MONTH_3", "MONTH_6"))
                .extract().path("dueDate");
        assertThat(dueDates).containsExactly("2011-11-30", "2012-01-31", "2012-02-29", "2012-04-30", "2012-05-30");
    }

    @Test
    void overdueMeansDueBeforeToday() {
        LocalDate today = today();
        UUID endsToday = endedIn("kreis-euskirchen", today.minusWeeks(6).toString(), today.toString());
        UUID endedLastWeek = endedIn("kreis-euskirchen", today.minusWeeks(8).toString(), today.minusWeeks(1).toString());

        asStaff("kreis-euskirchen").queryParam("until", today.toString()).get("/api/v1/follow-ups/due")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("2"))
                .body("participationId", contains(endedLastWeek.toString(), endsToday.toString()))
                .body("overdue", contains(true, false))
                .body("dueDate", contains(today.minusWeeks(1).toString(), today.toString()));
        // without until: due by today
        asStaff("kreis-euskirchen").get("/api/v1/follow-ups/due")
                .then().statusCode(200).header("X-Total-Count", equalTo("2"));
        asStaff("kreis-euskirchen").queryParam("until", today.plusMonths(3).toString()).get("/api/v1/follow-ups/due")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("4"))
                .body("findAll { it.checkpoint == 'MONTH_3' }.overdue", everyItem(equalTo(false)));
    }

    @Test
    void recordedCheckpointsAndOtherJobcentersCheckpointsAreNotListed() {
        UUID own = endedIn("kreis-warendorf", "2011-12-05", "2012-01-31");
        UUID foreign = endedIn("remscheid", "2011-12-05", "2012-01-31");
        asStaff("kreis-warendorf").body(followUp("EXIT", "UNEMPLOYED", "2012-02-01"))
                .post("/api/v1/participations/" + own + "/follow-ups").then().statusCode(201);

        asStaff("kreis-warendorf").queryParam("until", "2013-12-31").get("/api/v1/follow-ups/due")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("3"))
                .body("participationId", everyItem(equalTo(own.toString())))
                .body("checkpoint", contains("MONTH_3", "MONTH_6", "MONTH_12"))
                .body("overdue", everyItem(equalTo(true)));
        asStaff("remscheid").queryParam("until", "2013-12-31").get("/api/v1/follow-ups/due")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("4"))
                .body("participationId", everyItem(equalTo(foreign.toString())));
    }

    @Test
    void theDueListIsPaged() {
        endedIn("wuppertal", "2011-12-05", "2012-01-31");
        endedIn("wuppertal", "2011-10-04", "2011-11-30");
        asStaff("wuppertal").queryParam("until", "2013-12-31").queryParam("size", 3).queryParam("page", 2)
                .get("/api/v1/follow-ups/due")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("8"))
                .body("", hasSize(2))
                .body("dueDate", contains("2012-11-30", "2013-01-31"));
    }

    @Test
    void aMalformedUntilIsABadRequest() {
        asStaff("herne").queryParam("until", "31.01.2012").get("/api/v1/follow-ups/due")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("until"));
    }
}
