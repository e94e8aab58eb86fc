package de.nrw.activation.reporting;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** {@code Accept: text/csv} gives the same rows as the JSON report: a header row, one line per key, the total last. */
@QuarkusTest
class CsvExportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> lines = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return lines.readAll();
        }
    }

    @Test
    void theCsvHasAHeaderOneLinePerKeyAndTheTotalWithTheJsonFigures() throws IOException {
        Scenario s = WhereaboutsReportTest.categories().send();
        ReadModel.awaitApplied(db, projections, s.eventIds());

        String csv = s.asStaff().accept("text/csv").queryParam("groupBy", "providerType")
                .get("/api/v1/reports/whereabouts")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("whereabouts.csv"))
                .extract().asString();

        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("key,n,integrations,minijobs,unemployed,other,dropouts,open,fastIntegrations");
        List<Map<String, String>> lines = parse(csv);
        assertThat(lines).extracting(l -> l.get("key")).containsExactly("EDUCATION_PROVIDER", "JOBCENTER", "total");
        assertThat(lines.get(1)).containsEntry("n", "8").containsEntry("integrations", "3").containsEntry("minijobs", "1")
                .containsEntry("integrationQuota", "0.375").containsEntry("integrationQuotaPercent", "38")
                .containsEntry("employment", "2").containsEntry("apprenticeship", "1");
        assertThat(lines.get(2)).containsEntry("n", "15").containsEntry("integrations", "7")
                .containsEntry("integrationQuota", "0.4666666666666667").containsEntry("integrationQuotaPercent", "47")
                .containsEntry("closeSharePercent", "67");
        assertThat(lines.get(0).keySet()).doesNotContain("suppressed", "suppressedFields", "integrationKinds");
    }

    @Test
    void theCoordinatorsCsvHasTheSamePerturbedFiguresAsTheJson() throws IOException {
        ThreeJobcenters data = ThreeJobcenters.send();
        ReadModel.awaitApplied(db, projections, data.eventIds());

        List<Map<String, String>> lines = parse(given().auth().oauth2(Tokens.coordinator()).accept("text/csv")
                .queryParam("phaseId", data.phase()).get("/api/v1/reports/whereabouts").then().statusCode(200)
                .extract().asString());
        JsonPath json = given().auth().oauth2(Tokens.coordinator()).accept("application/json")
                .queryParam("phaseId", data.phase()).get("/api/v1/reports/whereabouts").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> rows = json.getList("rows");
        assertThat(lines).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> line = lines.get(i);
            assertThat(line.get("key")).isEqualTo(rows.get(i).get("key"));
            for (String count : List.of("n", "integrations", "minijobs", "unemployed", "other", "open", "closeToLabourMarket")) {
                assertThat(line.get(count)).as(count).isEqualTo(String.valueOf(rows.get(i).get(count)))
                        .isNotIn("1", "2", "suppressed");
            }
        }
        assertThat(lines.get(rows.size())).containsEntry("key", "total")
                .containsEntry("n", String.valueOf(json.getInt("total.n")))
                .containsEntry("minijobs", String.valueOf(json.getInt("total.minijobs")));
    }

    @Test
    void theSustainabilityReportExportsAsCsvToo() throws IOException {
        Scenario s = WhereaboutsReportTest.categories().send();
        ReadModel.awaitApplied(db, projections, s.eventIds());
        List<Map<String, String>> lines = parse(s.asStaff().accept("text/csv").get("/api/v1/reports/sustainability")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString());
        assertThat(lines).extracting(l -> l.get("key")).containsExactly(s.jobcenter, "total");
        assertThat(lines.get(0)).containsEntry("n", "15").containsEntry("integrated", "7").containsEntry("ended", "13")
                .containsEntry("sustainability", "");
    }
}
