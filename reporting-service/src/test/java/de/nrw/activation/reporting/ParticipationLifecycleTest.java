package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The life of a participation as the reports follow it (domain.md, "The life of a
 * participation"): a corrected exit reclassifies, a withdrawn participation leaves every figure,
 * a transferred one is counted once with its attributes at entry, an exit through a cancelled
 * group is marked, a corrected checkpoint replaces the status.
 */
@QuarkusTest
class ParticipationLifecycleTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    private static java.sql.Date date(String isoDate) {
        return java.sql.Date.valueOf(isoDate);
    }

    private Map<String, Object> participation(UUID id) {
        return Rows.one(db, "SELECT * FROM " + ReadModel.table(projections, "participation")
                + " WHERE participation_id = ?", id);
    }

    @Test
    void aCorrectedExitReplacesDateAndReasonAndReclassifiesTheParticipation() {
        Scenario s = Scenario.fresh();
        Scenario.Part late = s.join("2012-01-09");
        Scenario.Part dropout = s.join("2012-01-09");
        s.exit(late, "2012-02-17", "COMPLETED").exit(dropout, "2012-02-17", "COMPLETED");
        s.outcome(late, "EMPLOYMENT", "2012-05-25"); // after 2012-05-17, the window of the first exit date
        ReadModel.sendAndAwait(db, projections, s);
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", equalTo(2)).body("rows[0].open", equalTo(2)).body("rows[0].integrations", equalTo(0));

        int mark = s.events.size();
        s.correctExit(late, "2012-03-01", "COMPLETED").correctExit(dropout, "2012-02-10", "DROPOUT");
        ReadModel.sendAndAwait(db, projections, s.since(mark));

        assertThat(participation(late.participationId())).containsEntry("exit_date", date("2012-03-01"))
                .containsEntry("exit_reason", "COMPLETED").containsEntry("category", "INTEGRATION");
        assertThat(participation(dropout.participationId())).containsEntry("exit_date", date("2012-02-10"))
                .containsEntry("exit_reason", "DROPOUT").containsEntry("category", "DROPOUT");
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", equalTo(2)).body("rows[0].integrations", equalTo(1))
                .body("rows[0].dropouts", equalTo(1)).body("rows[0].open", equalTo(0));
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void aWithdrawnParticipationDisappearsFromEveryFigureNIncluded() {
        Scenario s = Scenario.fresh();
        Scenario.Part mistake = s.join("2012-01-09");
        Scenario.Part kept = s.join("2012-01-09");
        s.group("EDUCATION_PROVIDER");
        Scenario.Part other = s.join("2012-01-09");
        s.exit(mistake, "2012-02-17", "COMPLETED").exit(kept, "2012-02-17", "COMPLETED");
        s.outcome(mistake, "EMPLOYMENT", "2012-03-01");
        s.followUp(mistake, "MONTH_6", "EMPLOYMENT");
        s.outcome(kept, "UNEMPLOYED", "2012-03-01");
        ReadModel.sendAndAwait(db, projections, s);
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", equalTo(3)).body("rows[0].integrations", equalTo(1));

        int mark = s.events.size();
        s.withdraw(mistake);
        ReadModel.sendAndAwait(db, projections, s.since(mark));

        assertThat(participation(mistake.participationId())).containsEntry("withdrawn", true)
                .containsEntry("category", null).containsEntry("exit_reason", "COMPLETED");
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", equalTo(2)).body("rows[0].integrations", equalTo(0))
                .body("rows[0].unemployed", equalTo(1)).body("rows[0].open", equalTo(1))
                .body("total.n", equalTo(2));
        s.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows", hasSize(2)).body("rows.find { it.key == 'JOBCENTER' }.n", equalTo(1));
        s.asStaff().get("/api/v1/reports/sustainability").then().statusCode(200)
                .body("rows[0].n", equalTo(2)).body("rows[0].integrated", equalTo(0))
                .body("rows[0].endedCheckedAtMonth6", equalTo(0));
        // with an entry period the reports count the participations themselves: the same
        s.asStaff().queryParam("from", "2012-01-01").get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", equalTo(2));
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void aTransferredParticipationIsCountedOnceWithTheProviderTypeOfItsEntry() {
        Scenario s = Scenario.fresh();
        UUID first = s.currentGroup();
        Scenario.Part moved = s.join("2012-01-09");
        s.group("EDUCATION_PROVIDER");
        UUID second = s.currentGroup();
        s.transfer(moved, first, "2012-01-23");
        s.exit(moved, "2012-02-24", "COMPLETED");
        s.outcome(moved, "EMPLOYMENT", "2012-03-01");
        ReadModel.sendAndAwait(db, projections, s);

        assertThat(participation(moved.participationId())).containsEntry("group_id", first)
                .containsEntry("current_group_id", second).containsEntry("transferred_on", date("2012-01-23"))
                .containsEntry("provider_type", "JOBCENTER").containsEntry("entry_date", date("2012-01-09"))
                .containsEntry("category", "INTEGRATION");
        s.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].key", equalTo("JOBCENTER"))
                .body("rows[0].n", equalTo(1)).body("rows[0].integrations", equalTo(1)).body("total.n", equalTo(1));
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void anExitThroughACancelledGroupIsStoredAsSuchAndEndsTheParticipation() {
        Scenario s = Scenario.fresh();
        Scenario.Part a = s.join("2012-01-09");
        Scenario.Part b = s.join("2012-01-09");
        Scenario.Part dropout = s.join("2012-01-09");
        s.exit(dropout, "2012-01-13", "DROPOUT");
        s.cancelGroup("2012-01-20", a, b);
        s.outcome(b, "UNEMPLOYED", "2012-02-01");
        ReadModel.sendAndAwait(db, projections, s);

        assertThat(participation(a.participationId())).containsEntry("exit_date", date("2012-01-20"))
                .containsEntry("exit_reason", "OTHER").containsEntry("group_cancelled", true)
                .containsEntry("category", "OPEN");
        assertThat(participation(b.participationId())).containsEntry("group_cancelled", true)
                .containsEntry("category", "UNEMPLOYED");
        assertThat(participation(dropout.participationId())).containsEntry("group_cancelled", false);
        assertThat(Rows.one(db, "SELECT cancelled_on FROM " + ReadModel.table(projections, "activation_group")
                + " WHERE group_id = ?", s.currentGroup())).containsEntry("cancelled_on", date("2012-01-20"));
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].n", equalTo(3)).body("rows[0].open", equalTo(1))
                .body("rows[0].unemployed", equalTo(1)).body("rows[0].dropouts", equalTo(1));
    }

    @Test
    void aCorrectedCheckpointReplacesItsStatus() {
        Scenario s = Scenario.fresh();
        Scenario.Part p = s.join("2012-01-09");
        Scenario.Part integrated = s.join("2012-01-09");
        s.exit(p, "2012-02-17", "COMPLETED").exit(integrated, "2012-02-17", "COMPLETED");
        s.followUp(p, "MONTH_3", "UNEMPLOYED");
        s.outcome(integrated, "EMPLOYMENT", "2012-03-01");
        s.followUp(integrated, "MONTH_6", "EMPLOYMENT");
        ReadModel.sendAndAwait(db, projections, s);
        s.asStaff().get("/api/v1/reports/sustainability").then().statusCode(200)
                .body("rows[0].stillIntegrated", equalTo(1));

        int mark = s.events.size();
        s.correctFollowUp(p, "MONTH_3", "OTHER").correctFollowUp(integrated, "MONTH_6", "UNEMPLOYED");
        ReadModel.sendAndAwait(db, projections, s.since(mark));

        assertThat(Rows.one(db, "SELECT status FROM " + ReadModel.table(projections, "follow_up")
                + " WHERE participation_id = ? AND checkpoint = 'MONTH_3'", p.participationId()))
                .containsEntry("status", "OTHER");
        assertThat(Rows.count(db, "SELECT count(*) FROM " + ReadModel.table(projections, "follow_up")
                + " WHERE participation_id = ?", p.participationId())).isEqualTo(1);
        s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200)
                .body("rows[0].other", equalTo(1)).body("rows[0].unemployed", equalTo(0))
                .body("rows[0].integrations", equalTo(1));
        s.asStaff().get("/api/v1/reports/sustainability").then().statusCode(200)
                .body("rows[0].checkedAtMonth6", equalTo(1)).body("rows[0].stillIntegrated", equalTo(0))
                .body("rows[0].notUnemployed", equalTo(0));
        ReadModel.assertSummaryMatchesFacts();
    }
}
