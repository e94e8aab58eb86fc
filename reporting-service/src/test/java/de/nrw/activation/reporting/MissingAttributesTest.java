package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entry that lacks the phase, the provider type and the participant's attributes (an older
 * producer) takes them from its group and the participant's profile, whether these arrive before
 * the entry or after it, and is counted in the summary with them. (The projection fills gaps only
 * when a touched participation has one: this is the case where it must.)
 */
@QuarkusTest
class MissingAttributesTest {

    private static final String ENTERED = "participation.entered.v1";

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    private Map<String, Object> participation(Scenario.Part p) {
        return Rows.one(db, "SELECT phase_id, provider_type, jobcenter_id, gender, age_band, customer_type, "
                + "labour_market_distance, vocational_qualification, category FROM "
                + ReadModel.table(projections, "participation") + " WHERE participation_id = ?", p.participationId());
    }

    private static void assertFilled(Map<String, Object> row, Scenario s, Scenario.Attributes a) {
        assertThat(row).containsEntry("phase_id", s.phase).containsEntry("provider_type", "EDUCATION_PROVIDER")
                .containsEntry("jobcenter_id", s.jobcenter).containsEntry("gender", a.gender())
                .containsEntry("age_band", a.ageBand()).containsEntry("customer_type", a.customerType())
                .containsEntry("labour_market_distance", a.distance())
                .containsEntry("vocational_qualification", a.qualified()).containsEntry("category", "OPEN");
    }

    @Test
    void groupAndProfileBeforeTheEntry() {
        Scenario s = Scenario.fresh().group("EDUCATION_PROVIDER");
        Scenario.Part p = s.joinAsOlderProducer("2012-01-09", Scenario.Attributes.DISTANT_UNQUALIFIED);

        ReadModel.sendAndAwait(db, projections, s.notOfType(ENTERED));
        ReadModel.sendAndAwait(db, projections, s.ofType(ENTERED));

        assertFilled(participation(p), s, Scenario.Attributes.DISTANT_UNQUALIFIED);
        ReadModel.assertSummaryMatchesFacts();
    }

    @Test
    void theEntryBeforeItsGroupAndProfile() {
        Scenario s = Scenario.fresh().group("EDUCATION_PROVIDER");
        Scenario.Part p = s.joinAsOlderProducer("2012-01-09", Scenario.Attributes.CLOSE_QUALIFIED);

        ReadModel.sendAndAwait(db, projections, s.ofType(ENTERED));
        Map<String, Object> partial = participation(p);
        assertThat(partial).containsEntry("phase_id", null).containsEntry("gender", null);
        ReadModel.sendAndAwait(db, projections, s.ofType("group.scheduled.v1"));
        assertThat(participation(p)).containsEntry("phase_id", s.phase).containsEntry("gender", null);
        ReadModel.sendAndAwait(db, projections, s.ofType("participant.registered.v1"));

        assertFilled(participation(p), s, Scenario.Attributes.CLOSE_QUALIFIED);
        ReadModel.assertSummaryMatchesFacts();
    }
}
