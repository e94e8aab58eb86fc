package de.nrw.activation.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.testsupport.RunningSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 on the dashboard, in headless Chromium against the running suite and the
 * {@link DashboardDataset}: the two dropout figures apart, the "vorläufig" mark, 12-month
 * sustainability, the view "Entwicklung und Struktur" (trend per entry quarter, structure chart
 * and table, kinds of integration, exits by reason) and the German CSV downloads.
 */
class DashboardFiguresBrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PHASE = DashboardDataset.PHASE;

    static RunningSuite suite;
    static DashboardPage page;

    @BeforeAll
    static void startTheSuiteTheDataAndTheBrowser() {
        // without Chromium the test fails at once, with the install line
        page = DashboardPage.shared();
        suite = RunningSuite.get();
    }

    @Test
    void theDropoutRateIsShownApartFromTheExclusiveCategoryWithTheApisFigures() {
        // Bochum's staff (exact figures): its education provider's group, 3 dropouts of 9, none integrated afterwards
        page.open().signIn("staff-bochum").show(PHASE, "providerType");
        assertThat(page.columnHeaders("whereabouts")).contains("Abbruch ohne anderen Verbleib",
                "Abbruchquote (alle Abbrüche)", "Integration während der Teilnahme");
        assertThat(page.text("dropout-note")).contains("Zwei Abbruch-Kennzahlen", "Abbruchquote (alle Abbrüche)");
        JsonNode api = api("/reports/whereabouts", Map.of("groupBy", "providerType"));
        Map<String, Map<String, String>> shown = page.table("whereabouts");
        JsonNode provider = row(api, "EDUCATION_PROVIDER");
        assertThat(provider.path("dropoutRatePercent").asInt()).isEqualTo(33);
        assertThat(shown.get("EDUCATION_PROVIDER")).containsEntry("dropoutRatePercent", "33 %")
                .containsEntry("exitsByReason.dropout", "3");

        page.view("nav-comparison").show(PHASE, null);
        Map<String, Map<String, String>> comparison = page.comparison();
        assertThat(comparison.get("dropoutRatePercent").get("EDUCATION_PROVIDER")).isEqualTo("33 % (3)");
        assertThat(comparison).containsKeys("fastIntegrationQuotaPercent", "unemployedQuotaPercent", "otherQuotaPercent",
                "sustainabilityPercent", "sustainability12Percent", "dropoutQuotaPercent");
        JsonNode sustainability = api("/reports/sustainability", Map.of("groupBy", "providerType"));
        assertThat(comparison.get("sustainabilityPercent").get("EDUCATION_PROVIDER"))
                .startsWith(row(sustainability, "EDUCATION_PROVIDER").path("sustainabilityPercent").asText());
    }

    @Test
    void staffSeeTheVorlaeufigMarkWithTheProvisionalCountBesideEachQuota() {
        // Hamm (user staff-hamm of the dev realm): one of its two participations has not ended (provisional)
        page.open().signIn("staff-hamm").show(PHASE, "jobcenter");
        Map<String, String> hamm = page.table("whereabouts").get("hamm");
        assertThat(hamm.get("integrationQuotaPercent")).isEqualTo("50 % vorläufig (1)");
        assertThat(hamm.get("minijobQuotaPercent")).endsWith("vorläufig (1)");
        assertThat(page.table("sustainability").get("hamm")).containsKey("sustainability12Percent");
        assertThat(page.text("provisional-note")).contains("vorläufig (n)");
    }

    @Test
    void theTrendStructureKindsAndExitsViewShowsTheApisFigures() {
        page.open().signIn("state-coordinator").view("nav-figures").show(PHASE, null);
        assertThat(page.displayed("groupBy")).isFalse();

        JsonNode trend = api("/reports/whereabouts", Map.of("groupBy", "entryQuarter"));
        Map<String, Map<String, String>> shownTrend = page.table("trend");
        // every participation of the data set entered on 2014-03-03
        assertThat(shownTrend.keySet()).containsExactly("2014-Q1", "total");
        assertThat(shownTrend.get("2014-Q1")).containsEntry("label", "1. Quartal 2014")
                .containsEntry("n", trend.path("rows").get(0).path("n").asText());
        List<WebElement> bars = page.browser.findElements(By.cssSelector("#trend-svg g.quarter"));
        assertThat(bars).extracting(g -> g.getDomAttribute("data-key")).containsExactly("2014-Q1");
        assertThat(bars.get(0).getText()).contains(trend.path("rows").get(0).path("integrationQuotaPercent").asText() + " %");

        JsonNode structure = api("/reports/structure", Map.of());
        Map<String, Map<String, String>> shownStructure = page.table("structure");
        assertThat(shownStructure.get("herne")).containsEntry("label", "Herne")
                .containsEntry("closeSharePercent", shownAs(row(structure, "herne").path("closeSharePercent")) + " %")
                .containsEntry("integrationQuotaPercent", shownAs(row(structure, "herne").path("integrationQuotaPercent")) + " %");
        // Hamm's two participations: a row only if its N came out as 3 or 4, never 1 or 2
        if (!structure.path("rows").findValuesAsText("key").contains("hamm")) {
            assertThat(shownStructure).doesNotContainKey("hamm");
        } else {
            assertThat(shownStructure.get("hamm")).containsEntry("n", shownAs(row(structure, "hamm").path("n")));
        }
        assertThat(Boolean.TRUE.equals(page.browser.executeScript(
                "const i = document.getElementById('structure-image'); return !!i && i.complete && i.naturalWidth > 0;")))
                .as("the structure chart is shown").isTrue();

        JsonNode byJobcenter = api("/reports/whereabouts", Map.of("groupBy", "jobcenter"));
        assertThat(cell("kinds", "employment", "herne"))
                .startsWith(shownAs(row(byJobcenter, "herne").path("integrationKinds").path("employment")));
        // the coordinator: Bochum's one INTEGRATED exit and its 3 dropouts as the API perturbed them, never 1 or 2
        JsonNode bochumExits = row(byJobcenter, "bochum").path("exitsByReason");
        assertThat(cell("exits", "integrated", "bochum")).isEqualTo(shownAs(bochumExits.path("integrated"))).isNotIn("1", "2");
        assertThat(cell("exits", "dropout", "bochum")).isEqualTo(shownAs(bochumExits.path("dropout"))).isNotIn("1", "2");
        assertThat(cell("exits", "dropoutRate", "bochum"))
                .startsWith(shownAs(row(byJobcenter, "bochum").path("dropoutRatePercent")));
        assertThat(cell("exits", "dropout", "herne")).isEqualTo(shownAs(row(byJobcenter, "herne").path("exitsByReason").path("dropout")));

        page.screenshot(suite.root().resolve("docs/dashboard-figures.png"));

        String csv = page.download("download-structure");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Schlüssel,\"Teilnahmen (N)\"")
                .contains("Anteil arbeitsmarktnah", "Integrationsquote");
    }

    private static String cell(String table, String rowField, String key) {
        String attribute = table.equals("kinds") ? "data-kind" : "data-reason";
        return page.browser.findElement(By.cssSelector("#" + table + " tr[" + attribute + "='" + rowField + "'] td[data-key='"
                + key + "']")).getText().replace('\u00a0', ' ').trim();
    }

    /** A count as the page shows it: the number, or a dash when the API has none. */
    private static String shownAs(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "–" : value.asText();
    }

    private static JsonNode row(JsonNode report, String key) {
        for (JsonNode row : report.path("rows")) {
            if (key.equals(row.path("key").asText())) {
                return row;
            }
        }
        throw new AssertionError("No row " + key + " in " + report);
    }

    private static JsonNode api(String path, Map<String, String> parameters) {
        String token = page.accessToken();
        try {
            return JSON.readTree(given().auth().oauth2(token).accept("application/json").queryParam("phaseId", PHASE)
                    .queryParams(parameters).get(suite.url("reporting-service") + "/api/v1" + path)
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
