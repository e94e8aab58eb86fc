package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static de.nrw.activation.reporting.Scenario.Attributes.DISTANT_UNQUALIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * The evaluation's further figures (domain.md, "More figures the evaluation needs") against
 * values computed by hand from the scenario below; today is 2012-05-20 ({@link TestClock}).
 */
@QuarkusTest
class FiguresReportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    /**
     * 8 participations of one Jobcenter. Group A (Jobcenter-run), entry 2012-01-09 unless stated:
     * <pre>
     *  q1 DROPOUT exit 02-10, EMPLOYMENT 03-10 (a month later)  INTEGRATION; MONTH_6 and MONTH_12 EMPLOYMENT
     *  q2 DROPOUT exit 02-10, nothing known (distant, unqual.)  DROPOUT (the exclusive category)
     *  q3 COMPLETED exit 02-17, EMPLOYMENT 03-01                INTEGRATION; MONTH_6 EMPLOYMENT,
     *                                                           MONTH_12 EMPLOYMENT corrected to UNEMPLOYED
     *  q4 entry 02-06, INTEGRATED exit 02-17, EMPLOYMENT 02-10  INTEGRATION, fast; MONTH_12 APPRENTICESHIP
     *  q9 OTHER exit 02-19, MONTH_3 OTHER (distant, unqual.)    OTHER; window ended 05-19: final
     * </pre>
     * Group B (education provider), entry 2012-01-16, cancelled on 2012-02-20 (window to 05-20 = today):
     * <pre>
     *  q5 UNEMPLOYED 03-01                                      UNEMPLOYED, provisional
     *  q6 nothing known (distant, unqualified)                  OPEN, provisional
     * </pre>
     * Group C (education provider): q7 entry 2012-04-02, close but unqualified, not ended: OPEN, provisional.
     */
    static Scenario figures() {
        Scenario s = Scenario.fresh();
        Scenario.Attributes closeUnqualified = new Scenario.Attributes("MALE", "UNDER_25", "NEW", "CLOSE", false);
        Scenario.Part q1 = s.join("2012-01-09");
        Scenario.Part q2 = s.join("2012-01-09", DISTANT_UNQUALIFIED);
        Scenario.Part q3 = s.join("2012-01-09");
        Scenario.Part q4 = s.join("2012-02-06");
        Scenario.Part q9 = s.join("2012-01-09", DISTANT_UNQUALIFIED);
        s.exit(q1, "2012-02-10", "DROPOUT").exit(q2, "2012-02-10", "DROPOUT").exit(q3, "2012-02-17", "COMPLETED")
                .exit(q4, "2012-02-17", "INTEGRATED").exit(q9, "2012-02-19", "OTHER");
        s.outcome(q1, "EMPLOYMENT", "2012-03-10");
        s.outcome(q3, "EMPLOYMENT", "2012-03-01");
        s.outcome(q4, "EMPLOYMENT", "2012-02-10");
        s.followUp(q9, "MONTH_3", "OTHER");
        s.followUp(q1, "MONTH_6", "EMPLOYMENT").followUp(q1, "MONTH_12", "EMPLOYMENT");
        s.followUp(q3, "MONTH_6", "EMPLOYMENT").followUp(q3, "MONTH_12", "EMPLOYMENT");
        s.correctFollowUp(q3, "MONTH_12", "UNEMPLOYED");
        s.followUp(q4, "MONTH_12", "APPRENTICESHIP");

        s.group("EDUCATION_PROVIDER");
        Scenario.Part q5 = s.join("2012-01-16");
        Scenario.Part q6 = s.join("2012-01-16", DISTANT_UNQUALIFIED);
        s.cancelGroup("2012-02-20", q5, q6);
        s.outcome(q5, "UNEMPLOYED", "2012-03-01");

        s.group("EDUCATION_PROVIDER");
        s.join("2012-04-02", closeUnqualified);
        return s;
    }

    private Scenario sendAndAwait(Scenario s) {
        s.send();
        ReadModel.awaitApplied(db, projections, s.eventIds());
        return s;
    }

    private static JsonPath exact(io.restassured.response.ValidatableResponse response) {
        return response.extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @Test
    void theDropoutRateCountsEveryDropoutAndTheExclusiveCategoryOnlyThoseWithNothingElse() {
        Scenario s = sendAndAwait(figures());

        JsonPath report = exact(s.asStaff().get("/api/v1/reports/whereabouts").then().statusCode(200));
        Map<String, Object> row = report.getMap("rows[0]");
        assertThat(row).containsEntry("n", 8).containsEntry("integrations", 3).containsEntry("unemployed", 1)
                .containsEntry("other", 1).containsEntry("dropouts", 1).containsEntry("open", 2)
                .containsEntry("fastIntegrations", 1);
        // q1 dropped out and was employed a month later: an integration AND in the dropout rate
        assertThat(report.getMap("rows[0].exitsByReason")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "completed", 1, "integrated", 1, "dropout", 2, "other", 3, "groupCancelled", 2));
        assertThat(report.getString("rows[0].dropoutRate")).isEqualTo("0.25");
        assertThat(row).containsEntry("dropoutRatePercent", 25).containsEntry("dropoutQuotaPercent", 13);
        assertThat(report.getString("rows[0].dropoutQuota")).isEqualTo("0.125");
        // q5, q6 (window ends today) and q7 (not ended); q9's window ended yesterday
        assertThat(row).containsEntry("provisional", 3);
        assertThat(report.getMap("total")).containsEntry("n", 8).containsEntry("provisional", 3)
                .containsEntry("dropoutRatePercent", 25);
        assertThat(report.getMap("total.exitsByReason")).containsEntry("groupCancelled", 2).containsEntry("dropout", 2);
    }

    @Test
    void theProviderComparisonShowsTheCancelledGroupsExitsAndTheProvisionalParticipations() {
        Scenario s = sendAndAwait(figures());

        JsonPath report = exact(s.asStaff().queryParam("groupBy", "providerType").get("/api/v1/reports/whereabouts")
                .then().statusCode(200));
        assertThat(report.getList("rows.key")).containsExactly("EDUCATION_PROVIDER", "JOBCENTER");
        Map<String, Object> provider = report.getMap("rows[0]");
        assertThat(provider).containsEntry("n", 3).containsEntry("integrations", 0).containsEntry("unemployed", 1)
                .containsEntry("open", 2).containsEntry("provisional", 3).containsEntry("dropoutRatePercent", 0);
        assertThat(report.getMap("rows[0].exitsByReason")).containsEntry("other", 2).containsEntry("groupCancelled", 2)
                .containsEntry("dropout", 0);
        Map<String, Object> jobcenter = report.getMap("rows[1]");
        assertThat(jobcenter).containsEntry("n", 5).containsEntry("integrations", 3).containsEntry("fastIntegrations", 1)
                .containsEntry("provisional", 0).containsEntry("dropoutRatePercent", 40);
        assertThat(report.getString("rows[1].dropoutRate")).isEqualTo("0.4");
        assertThat(report.getMap("rows[1].exitsByReason")).containsEntry("groupCancelled", 0).containsEntry("other", 1);
    }

    @Test
    void sustainabilityAt12MonthsFollowsTheCorrectedCheckpoint() {
        Scenario s = sendAndAwait(figures());

        JsonPath report = exact(s.asStaff().get("/api/v1/reports/sustainability").then().statusCode(200));
        Map<String, Object> row = report.getMap("rows[0]");
        // integrated q1, q3, q4; MONTH_6 of q1, q3 (both employed); MONTH_12 of all three, q3's corrected to UNEMPLOYED
        assertThat(row).containsEntry("n", 8).containsEntry("integrated", 3).containsEntry("checkedAtMonth6", 2)
                .containsEntry("stillIntegrated", 2).containsEntry("sustainabilityPercent", 100)
                .containsEntry("checkedAtMonth12", 3).containsEntry("stillIntegratedAtMonth12", 2)
                .containsEntry("sustainability12Percent", 67).containsEntry("ended", 7)
                .containsEntry("provisional", 3).containsEntry("dropoutRatePercent", 25);
        assertThat(report.getString("rows[0].sustainability12")).isEqualTo("0.6666666666666667");
        assertThat(report.getMap("rows[0].exitsByReason")).containsEntry("dropout", 2).containsEntry("groupCancelled", 2);
    }

    @Test
    void theTrendHasOneRowPerEntryQuarterAndPerEntryMonth() {
        Scenario s = sendAndAwait(figures());

        JsonPath quarters = exact(s.asStaff().queryParam("groupBy", "entryQuarter").get("/api/v1/reports/whereabouts")
                .then().statusCode(200));
        assertThat(quarters.getString("groupBy")).isEqualTo("entryQuarter");
        assertThat(quarters.getList("rows.key")).containsExactly("2012-Q1", "2012-Q2");
        assertThat(quarters.getMap("rows[0]")).containsEntry("n", 7).containsEntry("integrations", 3)
                .containsEntry("integrationQuotaPercent", 43).containsEntry("provisional", 2);
        assertThat(quarters.getMap("rows[1]")).containsEntry("n", 1).containsEntry("open", 1).containsEntry("provisional", 1);
        assertThat(quarters.getMap("total")).containsEntry("n", 8);

        JsonPath months = exact(s.asStaff().queryParam("groupBy", "entryMonth").get("/api/v1/reports/sustainability")
                .then().statusCode(200));
        assertThat(months.getList("rows.key")).containsExactly("2012-01", "2012-02", "2012-04");
        assertThat(months.getList("rows.n")).containsExactly(6, 1, 1);
        assertThat(months.getList("rows.integrated")).containsExactly(2, 1, 0);
        assertThat(months.getList("rows.checkedAtMonth12")).containsExactly(2, 1, 0);
        assertThat(months.getList("rows.stillIntegratedAtMonth12")).containsExactly(1, 1, 0);
    }

    @Test
    void theCsvHasTheNewFiguresUnderTheContractsNamesAndUnderGermanTitlesWithLangDe() throws IOException {
        Scenario s = sendAndAwait(figures());

        String csv = s.asStaff().accept("text/csv").queryParam("groupBy", "entryQuarter")
                .get("/api/v1/reports/whereabouts").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<Map<String, String>> lines = CsvExportTest.parse(csv);
        assertThat(lines).extracting(l -> l.get("key")).containsExactly("2012-Q1", "2012-Q2", "total");
        assertThat(lines.get(2)).containsEntry("n", "8").containsEntry("other", "1").containsEntry("dropouts", "1")
                .containsEntry("provisional", "3").containsEntry("exitsByReason.dropout", "2")
                .containsEntry("exitsByReason.other", "3").containsEntry("exitsByReason.groupCancelled", "2")
                .containsEntry("dropoutRate", "0.25").containsEntry("dropoutRatePercent", "25");
        assertThat(lines.get(0)).containsEntry("n", "7").containsEntry("provisional", "2");

        String german = s.asStaff().accept("text/csv").queryParam("lang", "de")
                .get("/api/v1/reports/sustainability").then().statusCode(200).extract().asString();
        List<Map<String, String>> rows = CsvExportTest.parse(german);
        assertThat(rows.get(0).keySet()).startsWith("Schlüssel", "Teilnahmen (N)", "integriert");
        assertThat(rows.get(1)).containsEntry("Schlüssel", "total")
                .containsEntry("nach 12 Monaten noch integriert", "2")
                .containsEntry("Nachhaltigkeit nach 12 Monaten (Anteil)", "0.6666666666666667")
                .containsEntry("Nachhaltigkeit nach 12 Monaten (%)", "67")
                .containsEntry("Abbruchquote (alle Abbrüche, %)", "25")
                .containsEntry("davon Gruppe abgesagt", "2").containsEntry("davon vorläufig", "3");
        assertThat(rows.get(0).keySet()).doesNotContain("n", "key", "provisional", "dropoutRate");
    }

    @Test
    void staffSeeTheirJobcentersStructureAndResult() throws IOException {
        Scenario s = sendAndAwait(figures());

        JsonPath report = exact(s.asStaff().get("/api/v1/reports/structure").then().statusCode(200));
        assertThat(report.getList("rows.key")).containsExactly(s.jobcenter);
        // close: q1, q3, q4, q5, q7 = 5 of 8; qualified: q1, q3, q4, q5 = 4 of 8; integrations 3 of 8
        assertThat(report.getMap("rows[0]")).containsEntry("n", 8).containsEntry("closeSharePercent", 63)
                .containsEntry("qualifiedSharePercent", 50).containsEntry("integrationQuotaPercent", 38);
        assertThat(report.getString("rows[0].closeShare")).isEqualTo("0.625");
        assertThat(report.getString("rows[0].qualifiedShare")).isEqualTo("0.5");
        assertThat(report.getString("rows[0].integrationQuota")).isEqualTo("0.375");
        assertThat(new BigDecimal(report.getString("total.closeShare"))).isEqualByComparingTo("0.625");

        String csv = s.asStaff().accept("text/csv").get("/api/v1/reports/structure").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("key,n,closeShare,closeSharePercent,qualifiedShare,"
                + "qualifiedSharePercent,integrationQuota,integrationQuotaPercent");
        assertThat(CsvExportTest.parse(csv).get(0)).containsEntry("closeShare", "0.625").containsEntry("integrationQuota", "0.375");
        String german = s.asStaff().accept("text/csv").queryParam("lang", "de").get("/api/v1/reports/structure")
                .then().statusCode(200).extract().asString();
        assertThat(CsvExportTest.parse(german).get(0)).containsEntry("Anteil arbeitsmarktnah", "0.625")
                .containsEntry("Anteil mit Berufsabschluss (%)", "50").containsEntry("Integrationsquote (%)", "38");
    }

    @Test
    void anUnknownLanguageOrGroupingIsABadRequest() {
        Scenario s = Scenario.fresh();
        s.asStaff().queryParam("lang", "fr").accept("text/csv").get("/api/v1/reports/whereabouts")
                .then().statusCode(400).contentType("application/problem+json");
        s.asStaff().queryParam("groupBy", "entryWeek").get("/api/v1/reports/whereabouts")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
