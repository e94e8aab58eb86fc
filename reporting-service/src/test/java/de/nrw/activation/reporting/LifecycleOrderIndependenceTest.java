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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The lifecycle events (exit corrected, withdrawn, transferred, exit through a cancelled group,
 * follow-up corrected) give the same read model whatever order they arrive in and however
 * often, as {@link OrderIndependenceTest} shows for the first events: each later event sent
 * before the one it follows, and a whole story ordered against backwards-and-twice.
 */
@QuarkusTest
class LifecycleOrderIndependenceTest {

    private static final String PARTICIPATION_FACTS = "SELECT entry_date, exit_date, exit_reason, group_cancelled, "
            + "withdrawn, transferred_on, provider_type, category, fast_integration, integration_kind, month6_status";

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    private Map<String, Object> participation(UUID id) {
        return Rows.one(db, "SELECT * FROM " + ReadModel.table(projections, "participation")
                + " WHERE participation_id = ?", id);
    }

    /** The same story for any Jobcenter: every lifecycle event, 6 participations. */
    static Scenario story(String jobcenter, String phase) {
        Scenario s = new Scenario(jobcenter, phase);
        UUID first = s.currentGroup();
        Scenario.Part corrected = s.join("2012-01-09");
        Scenario.Part withdrawn = s.join("2012-01-09");
        Scenario.Part moved = s.join("2012-01-09");
        Scenario.Part checked = s.join("2012-01-09", Scenario.Attributes.DISTANT_UNQUALIFIED);
        s.exit(corrected, "2012-02-17", "COMPLETED").exit(checked, "2012-02-17", "DROPOUT");
        s.outcome(corrected, "EMPLOYMENT", "2012-05-25");
        s.followUp(checked, "MONTH_3", "UNEMPLOYED");
        s.withdraw(withdrawn);
        s.group("EDUCATION_PROVIDER");
        Scenario.Part cancelled = s.join("2012-01-16");
        Scenario.Part open = s.join("2012-01-16");
        s.transfer(moved, first, "2012-01-23");
        s.exit(moved, "2012-02-24", "INTEGRATED");
        s.outcome(moved, "EMPLOYMENT", "2012-02-20");
        s.correctExit(corrected, "2012-03-01", "COMPLETED");   // now the employment is in the window
        s.correctFollowUp(checked, "MONTH_3", "OTHER");
        s.cancelGroup("2012-02-03", cancelled);
        s.outcome(open, "MINIJOB", "2012-01-30");
        return s;
    }

    @Test
    void reversedAndDuplicatedLifecycleEventsGiveTheSameFiguresAndFactsAsTheOrderedOnes() {
        String phase = Scenario.uniquePhase();
        Scenario ordered = story(Scenario.uniqueJobcenter(), phase);
        Scenario shuffled = story(Scenario.uniqueJobcenter(), phase);

        ordered.send();
        List<Scenario.Sent> twice = new ArrayList<>(shuffled.events);
        Collections.reverse(twice);
        List<Scenario.Sent> again = new ArrayList<>(shuffled.events);
        Collections.shuffle(again, new Random(7));
        twice.addAll(again);
        Scenario.send(twice);
        ReadModel.awaitApplied(db, projections, ordered.eventIds());
        ReadModel.awaitApplied(db, projections, shuffled.eventIds());

        Map<String, Object> expected = ordered.asStaff().get("/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().jsonPath().getMap("rows[0]");
        Map<String, Object> actual = shuffled.asStaff().get("/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().jsonPath().getMap("rows[0]");
        // corrected, moved: integration (moved fast); checked: other (corrected MONTH_3);
        // cancelled: open (ended, nothing known); open: minijob; withdrawn: nowhere
        assertThat(expected).containsEntry("n", 5).containsEntry("integrations", 2).containsEntry("fastIntegrations", 1)
                .containsEntry("other", 1).containsEntry("unemployed", 0).containsEntry("minijobs", 1)
                .containsEntry("open", 1).containsEntry("dropouts", 0);
        expected.remove("key");
        actual.remove("key");
        assertThat(actual).isEqualTo(expected);
        assertThat(shuffled.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().jsonPath().getList("rows"))
                .isEqualTo(ordered.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts")
                        .then().statusCode(200).extract().jsonPath().getList("rows"));

        String facts = PARTICIPATION_FACTS + " FROM " + ReadModel.table(projections, "participation")
                + " WHERE jobcenter_id = ? ORDER BY entry_date, exit_date NULLS LAST, exit_reason, category, withdrawn";
        assertThat(Rows.query(db, facts, shuffled.jobcenter)).isEqualTo(Rows.query(db, facts, ordered.jobcenter))
                .hasSize(6);
        String checkpoints = "SELECT checkpoint, status FROM " + ReadModel.table(projections, "follow_up")
                + " WHERE jobcenter_id = ? ORDER BY checkpoint";
        assertThat(Rows.query(db, checkpoints, shuffled.jobcenter)).isEqualTo(Rows.query(db, checkpoints, ordered.jobcenter))
                .hasSize(1);
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void anExitCorrectionArrivingBeforeTheExitIsNotOverwrittenByIt() {
        Scenario s = Scenario.fresh();
        Scenario.Part p = s.join("2012-01-09");
        s.exit(p, "2012-02-17", "COMPLETED");
        s.correctExit(p, "2012-02-10", "DROPOUT");
        ReadModel.sendAndAwait(db, projections, s.ofType("participation.exit-corrected.v1"));
        assertThat(participation(p.participationId())).containsEntry("exit_reason", "DROPOUT")
                .containsEntry("entry_date", null).containsEntry("category", null);

        ReadModel.sendAndAwait(db, projections, s.notOfType("participation.exit-corrected.v1"));
        assertThat(participation(p.participationId())).containsEntry("exit_date", java.sql.Date.valueOf("2012-02-10"))
                .containsEntry("exit_reason", "DROPOUT").containsEntry("category", "DROPOUT");
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", equalTo(1)).body("rows[0].dropouts", equalTo(1)).body("rows[0].open", equalTo(0));
    }

    @Test
    void aWithdrawalArrivingBeforeTheEntryStillWins() {
        Scenario s = Scenario.fresh();
        Scenario.Part p = s.join("2012-01-09");
        Scenario.Part kept = s.join("2012-01-09");
        s.outcome(p, "EMPLOYMENT", "2012-01-20");
        s.withdraw(p);
        ReadModel.sendAndAwait(db, projections, s.ofType("participation.withdrawn.v1"));
        assertThat(participation(p.participationId())).containsEntry("withdrawn", true).containsEntry("category", null);

        ReadModel.sendAndAwait(db, projections, s.notOfType("participation.withdrawn.v1"));
        assertThat(participation(p.participationId())).containsEntry("withdrawn", true)
                .containsEntry("entry_date", java.sql.Date.valueOf("2012-01-09")).containsEntry("category", null);
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", equalTo(1)).body("rows[0].integrations", equalTo(0)).body("rows[0].open", equalTo(1));
        assertThat(kept).isNotNull();
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void aWithdrawalAloneCountsNothing() {
        Scenario s = Scenario.fresh();
        Scenario.Part p = s.join("2012-01-09");
        s.withdraw(p);
        ReadModel.sendAndAwait(db, projections, s.ofType("participation.withdrawn.v1", "participant.registered.v1"));
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows", empty()).body("total.n", equalTo(0));
    }

    @Test
    void aTransferArrivingBeforeTheEntryKeepsTheGroupAndProviderTypeOfTheEntry() {
        Scenario s = Scenario.fresh();
        UUID first = s.currentGroup();
        Scenario.Part p = s.join("2012-01-09");
        s.group("EDUCATION_PROVIDER");
        UUID second = s.currentGroup();
        s.transfer(p, first, "2012-01-23");
        ReadModel.sendAndAwait(db, projections, s.ofType("participation.transferred.v1"));
        assertThat(participation(p.participationId())).containsEntry("current_group_id", second)
                .containsEntry("group_id", null).containsEntry("category", null);

        ReadModel.sendAndAwait(db, projections, s.notOfType("participation.transferred.v1"));
        assertThat(participation(p.participationId())).containsEntry("group_id", first)
                .containsEntry("current_group_id", second).containsEntry("transferred_on", java.sql.Date.valueOf("2012-01-23"))
                .containsEntry("provider_type", "JOBCENTER").containsEntry("category", "OPEN");
        s.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows.key", equalTo(List.of("JOBCENTER"))).body("rows[0].n", equalTo(1));
    }

    @Test
    void anOlderTransferArrivingLastDoesNotMoveTheParticipationBack() {
        Scenario s = Scenario.fresh();
        UUID first = s.currentGroup();
        Scenario.Part p = s.join("2012-01-09");
        s.group("JOBCENTER");
        UUID second = s.currentGroup();
        s.transfer(p, first, "2012-01-16");
        s.group("EDUCATION_PROVIDER");
        UUID third = s.currentGroup();
        s.transfer(p, second, "2012-01-23");
        List<Scenario.Sent> transfers = s.ofType("participation.transferred.v1");
        ReadModel.sendAndAwait(db, projections, s.notOfType("participation.transferred.v1"));
        ReadModel.sendAndAwait(db, projections, List.of(transfers.get(1)));
        ReadModel.sendAndAwait(db, projections, List.of(transfers.get(0)));
        assertThat(participation(p.participationId())).containsEntry("group_id", first)
                .containsEntry("current_group_id", third).containsEntry("transferred_on", java.sql.Date.valueOf("2012-01-23"));
    }

    @Test
    void aFollowUpCorrectionArrivingBeforeTheRecordingIsNotOverwrittenByIt() {
        Scenario s = Scenario.fresh();
        Scenario.Part p = s.join("2012-01-09");
        s.exit(p, "2012-02-17", "COMPLETED");
        s.followUp(p, "MONTH_3", "UNEMPLOYED");
        s.correctFollowUp(p, "MONTH_3", "OTHER");
        ReadModel.sendAndAwait(db, projections, s.ofType("followup.corrected.v1"));
        ReadModel.sendAndAwait(db, projections, s.notOfType("followup.corrected.v1"));

        assertThat(Rows.one(db, "SELECT status FROM " + ReadModel.table(projections, "follow_up")
                + " WHERE participation_id = ? AND checkpoint = 'MONTH_3'", p.participationId()))
                .containsEntry("status", "OTHER");
        assertThat(participation(p.participationId())).containsEntry("category", "OTHER");
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].other", equalTo(1)).body("rows[0].unemployed", equalTo(0));
    }
}
