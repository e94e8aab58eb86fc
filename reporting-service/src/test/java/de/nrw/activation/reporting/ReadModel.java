package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.reporting.projection.Summary;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waits for the projection and reads the active read model's tables in tests. */
final class ReadModel {

    private ReadModel() { }

    /** Waits until the active generation has applied every one of these events. */
    /** Sends the scenario's events and waits until the projection has applied every one. */
    static Scenario sendAndAwait(AgroalDataSource db, Projections projections, Scenario scenario) {
        scenario.send();
        awaitApplied(db, projections, scenario.eventIds());
        return scenario;
    }

    /** Sends the events to the broker and waits until the projection has applied every one. */
    static void sendAndAwait(AgroalDataSource db, Projections projections, List<Scenario.Sent> events) {
        Scenario.send(events);
        awaitApplied(db, projections, events.stream().map(e -> e.event().id()).toList());
    }

    static void awaitApplied(AgroalDataSource db, Projections projections, Collection<UUID> eventIds) {
        int distinct = new HashSet<>(eventIds).size();
        String ids = eventIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> Rows.count(db,
                "SELECT count(*) FROM " + projections.activeSchema()
                        + ".processed_event WHERE event_id::text = ANY (string_to_array(?, ','))", ids) == distinct);
    }

    /**
     * The pre-aggregated summary the reports read equals the aggregate of the participations:
     * every report over all Jobcenters and phases, per dimension, is the same whether it comes
     * from the summary (no period) or from the summary and the participations (a period from the
     * second day of a month: that month's days from the participations); and the summary table
     * equals, cell by cell (entry month included), the aggregate of the participations.
     */
    static void assertSummaryMatchesFacts() {
        Projections projections = Arc.container().instance(Projections.class).get();
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        assertThat(Rows.count(db, Summary.differences(projections.activeSchema()))).as("summary cells that differ from the participations").isZero();
        // the differences include the record key sums: every participation has its key
        assertThat(Rows.count(db, "SELECT count(*) FROM " + projections.activeSchema()
                + ".participation WHERE record_key IS NULL")).as("participations without a record key").isZero();
        for (String groupBy : List.of("jobcenter", "providerType", "ageBand", "gender", "customerType",
                "labourMarketDistance", "vocationalQualification", "entryQuarter", "entryMonth")) {
            for (String report : List.of("/api/v1/reports/whereabouts", "/api/v1/reports/sustainability")) {
                Object fromSummary = given().auth().oauth2(Tokens.coordinator()).queryParam("groupBy", groupBy)
                        .get(report).then().statusCode(200).extract().jsonPath().get("rows");
                Object fromFacts = given().auth().oauth2(Tokens.coordinator()).queryParam("groupBy", groupBy)
                        .queryParam("from", "1900-01-02").get(report).then().statusCode(200).extract().jsonPath().get("rows");
                assertThat(fromSummary).as(report + " by " + groupBy).isEqualTo(fromFacts);
            }
        }
    }

    static String table(Projections projections, String name) {
        return projections.activeSchema() + "." + name;
    }
}
