package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model is the same whatever order the events arrive in and however often: the same
 * story is fed into two Jobcenters, once in the order it happened, once backwards (exits before
 * entries, outcomes and follow-ups before the participation, a correction before its original)
 * with every event twice; both give the same figures.
 */
@QuarkusTest
class OrderIndependenceTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    /** The same story for any Jobcenter: 6 participations, one corrected outcome. */
    static Scenario story(String jobcenter, String phase) {
        Scenario s = new Scenario(jobcenter, phase);
        Scenario.Part a = s.join("2012-01-09");
        Scenario.Part b = s.join("2012-01-09");
        Scenario.Part c = s.join("2012-01-09", Scenario.Attributes.DISTANT_UNQUALIFIED);
        s.group("EDUCATION_PROVIDER");
        Scenario.Part d = s.join("2012-01-16");
        Scenario.Part e = s.join("2012-01-16", Scenario.Attributes.DISTANT_UNQUALIFIED);
        Scenario.Part f = s.join("2012-01-16");
        s.exit(a, "2012-02-17", "COMPLETED").exit(b, "2012-02-17", "INTEGRATED").exit(c, "2012-02-01", "DROPOUT");
        s.exit(d, "2012-02-24", "COMPLETED").exit(e, "2012-02-24", "COMPLETED");
        // a: recorded as unemployed, then corrected to an employment: integration
        var corrected = s.outcome(a, "UNEMPLOYED", "2012-03-01");
        s.correct(corrected, a, "EMPLOYMENT", "2012-03-01");
        s.outcome(b, "EMPLOYMENT", "2012-02-10", true, true);          // fast
        s.outcome(d, "MINIJOB", "2012-04-01");
        s.outcome(e, "OTHER", "2012-03-01");
        s.followUp(a, "MONTH_6", "EMPLOYMENT");
        s.followUp(b, "MONTH_6", "UNEMPLOYED");
        s.followUp(e, "MONTH_3", "UNEMPLOYED");                       // the checkpoint wins over the outcome
        s.attendance(f, "2012-01-16", "UNEXCUSED");
        return s;
    }

    @Test
    void reversedAndDuplicatedEventsGiveTheSameFiguresAsTheOrderedOnes() {
        String phase = Scenario.uniquePhase();
        Scenario ordered = story(Scenario.uniqueJobcenter(), phase);
        Scenario shuffled = story(Scenario.uniqueJobcenter(), phase);

        ordered.send();
        List<Scenario.Sent> backwards = new ArrayList<>(shuffled.events);
        Collections.reverse(backwards);
        List<Scenario.Sent> twice = new ArrayList<>(backwards);
        List<Scenario.Sent> again = new ArrayList<>(shuffled.events);
        Collections.shuffle(again, new Random(42));
        twice.addAll(again);
        Scenario.send(twice);
        ReadModel.awaitApplied(db, projections, ordered.eventIds());
        ReadModel.awaitApplied(db, projections, shuffled.eventIds());

        Map<String, Object> expected = ordered.asStaff().get("/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().jsonPath().getMap("rows[0]");
        Map<String, Object> actual = shuffled.asStaff().get("/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().jsonPath().getMap("rows[0]");
        // a, b integration; c dropout; d minijob; e unemployed (MONTH_3); f open
        assertThat(expected).containsEntry("n", 6).containsEntry("integrations", 2).containsEntry("dropouts", 1)
                .containsEntry("minijobs", 1).containsEntry("unemployed", 1).containsEntry("open", 1)
                .containsEntry("other", 0).containsEntry("fastIntegrations", 1);
        expected.remove("key");
        actual.remove("key");
        assertThat(actual).isEqualTo(expected);

        for (String groupBy : List.of("providerType", "labourMarketDistance")) {
            assertThat(shuffled.asStaff().queryParam("groupBy", groupBy).get("/api/v1/reports/whereabouts")
                    .then().statusCode(200).extract().jsonPath().getList("rows"))
                    .isEqualTo(ordered.asStaff().queryParam("groupBy", groupBy).get("/api/v1/reports/whereabouts")
                            .then().statusCode(200).extract().jsonPath().getList("rows"));
        }
        Map<String, Object> sustainabilityOrdered = ordered.asStaff().get("/api/v1/reports/sustainability")
                .then().statusCode(200).extract().jsonPath().getMap("rows[0]");
        Map<String, Object> sustainabilityShuffled = shuffled.asStaff().get("/api/v1/reports/sustainability")
                .then().statusCode(200).extract().jsonPath().getMap("rows[0]");
        sustainabilityOrdered.remove("key");
        sustainabilityShuffled.remove("key");
        assertThat(sustainabilityShuffled).isEqualTo(sustainabilityOrdered).containsEntry("stillIntegrated", 1);

        // the stored facts agree too: the newest version of the corrected outcome, one row per fact
        String outcomes = "SELECT kind, count(*) AS c FROM " + ReadModel.table(projections, "outcome")
                + " WHERE jobcenter_id = ? GROUP BY kind ORDER BY kind";
        assertThat(Rows.query(db, outcomes, shuffled.jobcenter)).isEqualTo(Rows.query(db, outcomes, ordered.jobcenter));
        assertThat(Rows.count(db, "SELECT count(*) FROM " + ReadModel.table(projections, "outcome")
                + " WHERE jobcenter_id = ? AND kind = 'UNEMPLOYED'", shuffled.jobcenter)).isZero();
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void anExitBeforeItsEntryIsCountedNowhereUntilTheEntryArrives() {
        Scenario s = Scenario.fresh();
        Scenario.Part p = s.join("2012-01-09");
        s.exit(p, "2012-02-17", "DROPOUT");
        List<Scenario.Sent> exitOnly = s.events.stream().filter(e -> e.event().type().equals("participation.exited.v1")).toList();
        Scenario.send(exitOnly);
        ReadModel.awaitApplied(db, projections, exitOnly.stream().map(e -> e.event().id()).toList());

        assertThat(Rows.one(db, "SELECT entry_date, exit_reason, category FROM " + ReadModel.table(projections, "participation")
                + " WHERE participation_id = ?", p.participationId()))
                .containsEntry("entry_date", null).containsEntry("exit_reason", "DROPOUT").containsEntry("category", null);
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows", org.hamcrest.Matchers.empty()).body("total.n", org.hamcrest.Matchers.equalTo(0));

        s.send();
        ReadModel.awaitApplied(db, projections, s.eventIds());
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", org.hamcrest.Matchers.equalTo(1))
                .body("rows[0].dropouts", org.hamcrest.Matchers.equalTo(1));
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void aCorrectionArrivingBeforeItsOriginalIsNotOverwrittenByIt() {
        Scenario s = Scenario.fresh();
        Scenario.Part p = s.join("2012-01-09");
        s.exit(p, "2012-02-17", "COMPLETED");
        var outcome = s.outcome(p, "UNEMPLOYED", "2012-03-01");
        s.correct(outcome, p, "EMPLOYMENT", "2012-03-01");
        List<Scenario.Sent> correction = s.events.stream()
                .filter(e -> e.event().type().equals("outcome.corrected.v1")).toList();
        List<Scenario.Sent> rest = s.events.stream()
                .filter(e -> !e.event().type().equals("outcome.corrected.v1")).toList();
        Scenario.send(correction);
        ReadModel.awaitApplied(db, projections, correction.stream().map(e -> e.event().id()).toList());
        Scenario.send(rest);
        ReadModel.awaitApplied(db, projections, s.eventIds());

        assertThat(Rows.one(db, "SELECT kind FROM " + ReadModel.table(projections, "outcome") + " WHERE outcome_id = ?",
                outcome).get("kind")).isEqualTo("EMPLOYMENT");
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].integrations", org.hamcrest.Matchers.equalTo(1))
                .body("rows[0].unemployed", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void erasureKeepsTheStatistics() {
        Scenario s = WhereaboutsReportTest.categories();
        s.send();
        ReadModel.awaitApplied(db, projections, s.eventIds());
        Map<String, Object> before = s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .extract().jsonPath().getMap("rows[0]");

        Scenario erasures = new Scenario(s.jobcenter, s.phase);
        erasures.events.clear();
        s.events.stream().filter(e -> e.event().type().equals("participant.registered.v1"))
                .forEach(e -> erasures.erase(new Scenario.Part(
                        java.util.UUID.fromString(e.event().data().get("participantId").asText()), null)));
        erasures.send();
        ReadModel.awaitApplied(db, projections, erasures.eventIds());

        assertThat(Rows.count(db, "SELECT count(*) FROM " + ReadModel.table(projections, "participant")
                + " WHERE jobcenter_id = ? AND erased", s.jobcenter)).isEqualTo(15);
        Map<String, Object> after = s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .extract().jsonPath().getMap("rows[0]");
        assertThat(after).isEqualTo(before).containsEntry("n", 15).containsEntry("integrations", 7);
    }
}
