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
        // the read model follows the events: wait until every participation and follow-up is in (the
        // Jobcenters' own exact figures: the coordinator's are perturbed)
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TABLE.stream().allMatch(expected -> only(report(loader.staffToken(expected.jobcenter())),
                        expected.jobcenter()).path("n").asInt() == expected.n()) && projectionsCaughtUp());
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

    /**
     * Slide 9 in the coordinator's view: each count perturbed by at most 2 (cell key method), so
     * each project's N within 2 of the table and, for the projects of 200 and more, the integration
     * and minijob quota within one whole percent of it (the worst case of the method for these
     * counts, not luck: 67 of 211 is 32 %, 71 of 207 is 34 % for Herne's 69 of 209, 33 %).
     */
    @Test
    void slide9TheCoordinatorsPerturbedFiguresKeepTheLargeProjectsQuotasToTheWholePercent() {
        JsonNode report = report(loader.coordinatorToken());
        assertThat(report.path("perturbed").asBoolean()).isTrue();
        for (Expected expected : TABLE) {
            JsonNode row = only(report, expected.jobcenter());
            assertThat(row.path("n").asInt()).as("N of %s", expected.jobcenter())
                    .isBetween(expected.n() - 2, expected.n() + 2);
            if (expected.n() >= 200) {
                assertThat(percentOf(row.path("integrationQuota"))).as("integration quota of %s", expected.jobcenter())
                        .isBetween(expected.integrationPercent() - 1, expected.integrationPercent() + 1);
                assertThat(percentOf(row.path("minijobQuota"))).as("minijob quota of %s", expected.jobcenter())
                        .isBetween(expected.minijobPercent() - 1, expected.minijobPercent() + 1);
            }
        }
    }

    @Test
    void theTotalRowEqualsTheEvaluationTotals() {
        JsonNode total = total(report(loader.coordinatorToken()));
        assertThat(total.path("n").asInt()).as("1608, perturbed by at most 2").isBetween(1606, 1610);
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

    /** Slide 7's classes of projects: share close to the labour market and share qualified, in whole percent. */
    record StructureClass(List<String> jobcenters, int closeFrom, int closeTo, int qualifiedFrom, int qualifiedTo) { }

    static final List<StructureClass> SLIDE_7 = List.of(
            new StructureClass(List.of("bochum", "hamm"), 90, 100, 69, 74),
            new StructureClass(List.of("kreis-coesfeld", "kreis-dueren", "muelheim"), 82, 100, 65, 76),
            new StructureClass(List.of("duesseldorf", "herne", "rhein-kreis-neuss"), 52, 78, 44, 55),
            new StructureClass(List.of("kreis-paderborn", "kreis-steinfurt"), 0, 48, 60, 63));

    @Test
    void slide7EachProjectsStructureIsInTheRangeOfItsClass() {
        // the Jobcenters' own exact figures: perturbed counts of 17 or 31 would move a share by up to 13 points
        assertThat(get("/api/v1/reports/structure", loader.coordinatorToken()).path("rows").size()).isEqualTo(10);
        for (StructureClass structureClass : SLIDE_7) {
            for (String jobcenter : structureClass.jobcenters()) {
                JsonNode row = only(get("/api/v1/reports/structure", loader.staffToken(jobcenter)), jobcenter);
                assertThat(percentOf(row.path("closeShare"))).as("share close to the labour market of %s", jobcenter)
                        .isBetween(structureClass.closeFrom(), structureClass.closeTo());
                assertThat(percentOf(row.path("qualifiedShare"))).as("share qualified of %s", jobcenter)
                        .isBetween(structureClass.qualifiedFrom(), structureClass.qualifiedTo());
            }
        }
    }

    @Test
    void slide18FastIntegrationsAndSixMonthSustainabilityAreThePublishedOnes() {
        JsonNode whereabouts = total(report(loader.coordinatorToken()));
        assertThat(percent(whereabouts.path("fastIntegrations").asInt(), 1608))
                .as("18-20 %% found work during the 6-8 weeks").isBetween(18, 20);
        JsonNode sustainability = total(get("/api/v1/reports/sustainability", loader.coordinatorToken()));
        assertThat(percentOf(sustainability.path("sustainability")))
                .as("81-82 %% of those in svB were still in svB after 6 months").isBetween(81, 82);
    }

    static JsonNode get(String path, String token) {
        String body = RestAssured.given().auth().oauth2(token).accept("application/json")
                .queryParam("phaseId", "PHASE_1")
                .get(suite.url("reporting-service") + path)
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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
