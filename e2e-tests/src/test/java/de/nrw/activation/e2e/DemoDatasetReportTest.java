package de.nrw.activation.e2e;

import de.nrw.activation.testsupport.RunningSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.demo.DemoLoader;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo loader creates the Phase I dataset through the public APIs of the four running
 * services; the reporting service's whereabouts report then equals the programme's published
 * evaluation table (domain.md): N, integration and minijob quota per project, and the totals.
 */
class DemoDatasetReportTest {

    record Expected(String jobcenter, int n, int integrationPercent, int minijobPercent) { }

    static final List<Expected> TABLE = List.of(
            new Expected("bochum", 65, 58, 6), new Expected("kreis-coesfeld", 17, 35, 24),
            new Expected("kreis-dueren", 52, 37, 4), new Expected("duesseldorf", 410, 32, 5),
            new Expected("hamm", 31, 58, 0), new Expected("herne", 209, 33, 15),
            new Expected("muelheim", 71, 41, 0), new Expected("rhein-kreis-neuss", 434, 32, 4),
            new Expected("kreis-paderborn", 265, 30, 3), new Expected("kreis-steinfurt", 54, 7, 13));

    static RunningSuite suite;
    static DemoLoader loader;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loadTheDemoDataset() throws Exception {
        suite = RunningSuite.get();
        loader = new DemoLoader(new DemoLoader.Urls(suite.url("participants-service"), suite.url("groups-service"),
                suite.url("outcomes-service"), suite.url("reporting-service")), suite.devKey());
        loader.load();
        // the read model follows the events: wait until every participation and follow-up is in
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> total(report(loader.coordinatorToken())).path("n").asInt() == 1608
                        && projectionsCaughtUp());
    }

    @Test
    void eachJobcentersRowEqualsTheEvaluationTable() {
        for (Expected expected : TABLE) {
            JsonNode row = only(report(loader.staffToken(expected.jobcenter())), expected.jobcenter());
            assertThat(row.path("n").asInt()).as("N of %s", expected.jobcenter()).isEqualTo(expected.n());
            assertThat(percent(row.path("integrations").asInt(), expected.n()))
                    .as("integration quota of %s", expected.jobcenter()).isEqualTo(expected.integrationPercent());
            assertThat(percent(row.path("minijobs").asInt(), expected.n()))
                    .as("minijob quota of %s", expected.jobcenter()).isEqualTo(expected.minijobPercent());
            assertThat(percentOf(row.path("integrationQuota")))
                    .as("reported integration quota of %s", expected.jobcenter()).isEqualTo(expected.integrationPercent());
            assertThat(percentOf(row.path("minijobQuota")))
                    .as("reported minijob quota of %s", expected.jobcenter()).isEqualTo(expected.minijobPercent());
        }
    }

    @Test
    void theTotalRowEqualsTheEvaluationTotals() {
        JsonNode total = total(report(loader.coordinatorToken()));
        assertThat(total.path("n").asInt()).isEqualTo(1608);
        assertThat(percent(total.path("integrations").asInt(), 1608)).isEqualTo(33);
        assertThat(percent(total.path("minijobs").asInt(), 1608)).isEqualTo(6);
        assertThat(percentOf(total.path("integrationQuota"))).isEqualTo(33);
        assertThat(percentOf(total.path("minijobQuota"))).isEqualTo(6);
    }

    @Test
    void fastIntegrationsAndSustainabilityAreInTheEvaluationsRange() {
        JsonNode total = total(report(loader.coordinatorToken()));
        int fast = percent(total.path("fastIntegrations").asInt(), 1608);
        assertThat(fast).as("18-20 %% found work during the 6-8 weeks").isBetween(17, 21);
    }

    @Test
    void theAgeBandsAreTheBandsAtEntry() {
        // Entries are in 2011-2012, the participants were registered today: only the band on the
        // entry date gives the programme's young participants their UNDER_25 row.
        JsonNode byAge = report(loader.staffToken("herne"), "ageBand");
        int under25 = only(byAge, "UNDER_25").path("n").asInt();
        int total = total(byAge).path("n").asInt();
        assertThat(total).isEqualTo(209);
        assertThat(under25).as("under-25 participants of herne at entry").isPositive().isLessThan(total);
    }

    static JsonNode report(String token) {
        return report(token, "jobcenter");
    }

    static JsonNode report(String token, String groupBy) {
        String body = RestAssured.given().auth().oauth2(token).accept("application/json")
                .queryParam("phaseId", "PHASE_1").queryParam("groupBy", groupBy)
                .get(suite.url("reporting-service") + "/api/v1/reports/whereabouts")
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean projectionsCaughtUp() {
        JsonNode status;
        try {
            status = JSON.readTree(RestAssured.given().auth().oauth2(loader.coordinatorToken())
                    .get(suite.url("reporting-service") + "/api/v1/projections/status")
                    .then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return !status.toString().matches(".*\"lag\":[1-9].*");
    }

    static JsonNode total(JsonNode report) {
        return report.path("total");
    }

    static JsonNode only(JsonNode report, String key) {
        for (JsonNode row : report.path("rows")) {
            if (key.equals(row.path("key").asText())) {
                return row;
            }
        }
        throw new AssertionError("No row " + key + " in " + report);
    }

    static int percent(int count, int n) {
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP).intValue();
    }

    /** A quota as the API reports it (a fraction 0..1, exact), rounded half up to whole percent. */
    static int percentOf(JsonNode quota) {
        return quota.decimalValue().multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).intValue();
    }
}
