package de.nrw.activation.e2e;

import de.nrw.activation.testsupport.RunningSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: the coordinator's dashboard ({@code /dashboard/} of reporting-service) in a real
 * browser (headless Chromium from the Debian packages, through Selenium WebDriver), against the
 * four packaged services with a data set of its own ({@link DashboardDataset}). Every figure the
 * page shows is compared with the report API's JSON for the same selection, and every CSV
 * download with the API's CSV. Users sign in as they do in production: through the identity
 * provider's login page (the local Keycloak with the DEV ONLY realm, {@code KeycloakServer}, started once for all dashboard test classes by {@link DashboardPage#shared()}); the
 * services accept its tokens (the realm signs with the suite's DEV ONLY key, issuer and audience).
 * Without Chromium the test fails and says how to install it.
 */
class DashboardBrowserTest {

    static final List<String> WHEREABOUTS_FIELDS = List.of("n", "integrations", "integrationQuotaPercent", "minijobs",
            "minijobQuotaPercent", "unemployed", "unemployedQuotaPercent", "other", "otherQuotaPercent", "dropouts",
            "dropoutQuotaPercent", "open", "openQuotaPercent", "fastIntegrations", "fastIntegrationQuotaPercent",
            "closeSharePercent", "qualifiedSharePercent");
    static final List<String> SUSTAINABILITY_FIELDS = List.of("n", "integrated", "checkedAtMonth6", "stillIntegrated",
            "sustainabilityPercent", "endedCheckedAtMonth6", "placed", "notUnemployed", "placementRatePercent",
            "notUnemployedRatePercent");
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
    void theCoordinatorSeesTheApisFiguresForEachDimensionAndDownloadsExactlyTheShownCsv() {
        page.open().signIn("state-coordinator");
        assertThat(page.signedInAs()).contains("state-coordinator", "Koordinierungsstelle");

        page.show(PHASE, "jobcenter");
        assertThat(page.caption("whereabouts")).contains("Verbleib nach Jobcenter", "Phase " + PHASE);
        assertShownAsTheApiReports("whereabouts", "jobcenter", WHEREABOUTS_FIELDS);
        assertShownAsTheApiReports("sustainability", "jobcenter", SUSTAINABILITY_FIELDS);
        // the coordinator's figures are perturbed (Hamm's two participations never show as 1 or 2): the note says so
        assertThat(page.table("whereabouts").values()).allSatisfy(row -> assertThat(row.get("n")).isNotIn("1", "2"));
        assertThat(page.displayed("perturbation-note")).isTrue();
        assertThat(page.text("perturbation-note")).startsWith("Geschützte Werte:")
                .contains("kleine Fallzahlen erscheinen als 0, 3 oder 4");
        assertThat(page.chartLoaded()).isTrue();
        assertThat(page.text("freshness")).startsWith("Daten vom");
        page.screenshot(suite.root().resolve("docs/dashboard.png"));

        // another dimension: the table follows it, and still equals the API
        page.show(PHASE, "ageBand");
        assertThat(page.caption("whereabouts")).contains("Verbleib nach Altersgruppe");
        assertThat(page.columnHeaders("whereabouts")).contains("Altersgruppe", "Integration", "Minijob", "arbeitslos",
                "Sonstiges", "Abbruch ohne anderen Verbleib", "offen", "Integration während der Teilnahme",
                "Abbruchquote (alle Abbrüche)", "Anteil marktnah", "Anteil mit Berufsabschluss");
        Map<String, Map<String, String>> byAge = assertShownAsTheApiReports("whereabouts", "ageBand", WHEREABOUTS_FIELDS);
        // the services derive the age band from today's age, so which bands occur depends on the date: check the labels
        assertThat(byAge.keySet()).hasSizeGreaterThan(2).contains("total");
        byAge.forEach((key, cells) -> assertThat(cells.get("label")).as("label of " + key)
                .isIn("unter 25 Jahre", "25 bis 49 Jahre", "50 Jahre und älter", "Insgesamt"));
        assertThat(byAge.get("total")).containsEntry("label", "Insgesamt");
        assertShownAsTheApiReports("sustainability", "ageBand", SUSTAINABILITY_FIELDS);

        assertThat(page.download("download-whereabouts")).isEqualTo(apiCsv("whereabouts", "ageBand"));
        assertThat(page.downloadedFileNames()).containsExactly("verbleib_" + PHASE + "_ageBand.csv");
        assertThat(page.download("download-sustainability")).isEqualTo(apiCsv("sustainability", "ageBand"));
    }

    @Test
    void jobcenterRunAndEducationProviderRunGroupsAreComparedSideBySide() {
        page.open().signIn("state-coordinator").view("nav-comparison").show(PHASE, null);
        assertThat(page.displayed("groupBy")).as("the comparison has its own dimension").isFalse();
        assertThat(page.columnHeaders("comparison"))
                .containsExactly("Kennzahl", "Jobcenter (eigene Gruppen)", "Bildungsträger", "Insgesamt");

        JsonNode whereabouts = api("whereabouts", "providerType");
        JsonNode sustainability = api("sustainability", "providerType");
        Map<String, Map<String, String>> shown = page.comparison();
        for (String type : List.of("JOBCENTER", "EDUCATION_PROVIDER", "total")) {
            JsonNode w = type.equals("total") ? whereabouts.path("total") : row(whereabouts, type);
            JsonNode s = type.equals("total") ? sustainability.path("total") : row(sustainability, type);
            assertThat(shown.get("n")).containsEntry(type, expected(w, "n"));
            assertThat(shown.get("integrationQuotaPercent").get(type))
                    .startsWith(expected(w, "integrationQuotaPercent"))
                    .endsWith("(" + expected(w, "integrations") + ")" + provisionalMark(w));
            assertThat(shown.get("minijobQuotaPercent").get(type)).startsWith(expected(w, "minijobQuotaPercent"));
            assertThat(shown.get("dropoutQuotaPercent").get(type)).startsWith(expected(w, "dropoutQuotaPercent"));
            assertThat(shown.get("closeSharePercent").get(type)).startsWith(expected(w, "closeSharePercent"));
            assertThat(shown.get("sustainabilityPercent").get(type)).startsWith(expected(s, "sustainabilityPercent"));
            assertThat(shown.get("placementRatePercent").get(type)).startsWith(expected(s, "placementRatePercent"));
            assertThat(shown.get("notUnemployedRatePercent").get(type)).startsWith(expected(s, "notUnemployedRatePercent"));
        }
        // the data set: Herne (10) and Hamm (2) run their own groups, Bochum's education provider has 9; the
        // coordinator sees them perturbed by at most 2 (cell key method, N of 5 and more)
        assertThat(Integer.parseInt(shown.get("n").get("JOBCENTER"))).isBetween(12 - 2, 12 + 2);
        assertThat(Integer.parseInt(shown.get("n").get("EDUCATION_PROVIDER"))).isBetween(9 - 2, 9 + 2);
        assertThat(page.download("download-comparison")).isEqualTo(apiCsv("whereabouts", "providerType"));
    }

    @Test
    void jobcenterStaffSeeTheirOwnJobcenterOnlyAndExactly() {
        page.open().signIn("staff-herne");
        assertThat(page.signedInAs()).contains("Jobcenter Herne");
        page.show(PHASE, "jobcenter");
        Map<String, Map<String, String>> shown = page.table("whereabouts");
        assertThat(shown.keySet()).containsExactly("herne", "total");
        assertThat(shown.get("herne")).containsEntry("n", "10");
        assertThat(page.caption("whereabouts")).contains("nur Jobcenter Herne");
        assertThat(page.displayed("perturbation-note")).isFalse();
        assertThat(page.displayed("message")).as("no error for staff").isFalse();
    }

    @Test
    void aWrongPasswordIsRefusedAtTheLoginPageAndShowsNoReports() {
        // the submit navigates: wait for the answer, not for the page that is being left
        page.open().atTheLoginPage().enterCredentials("state-coordinator", "not-the-password").awaitLoginRefused();
        assertThat(page.onTheLoginPage()).as("still at the provider's login page").isTrue();
        assertThat(page.browser.getPageSource()).contains("Invalid username or password");
        assertThat(page.accessToken()).isNull();
    }

    @Test
    void signingOutEndsTheSessionAtTheProviderToo() {
        page.open().signIn("state-coordinator");
        assertThat(page.accessToken()).isNotNull();
        page.signOut();
        assertThat(page.displayed("reports")).isFalse();
        assertThat(page.accessToken()).isNull();
        // no single sign-on left over: signing in again asks for the password
        page.atTheLoginPage();
        assertThat(page.onTheLoginPage()).isTrue();
    }

    @Test
    void theSessionIsRenewedWithoutSigningInAgain() {
        page.open().signIn("state-coordinator");
        String first = page.accessToken();
        // what the page does shortly before the token expires (automaticSilentRenew): a refresh-token grant
        page.browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const key = Object.keys(sessionStorage).find(k => k.startsWith('oidc.user:'));
                const [, authority, clientId] = key.match(/^oidc\\.user:(.*):([^:]+)$/);
                new oidc.UserManager({ authority, client_id: clientId, redirect_uri: location.href,
                    userStore: new oidc.WebStorageStateStore({ store: sessionStorage }) })
                  .signinSilent().then(() => done('ok'), e => done(String(e)));""");
        String renewed = page.accessToken();
        assertThat(renewed).isNotNull().isNotEqualTo(first);
        given().auth().oauth2(renewed).accept("application/json").queryParam("phaseId", PHASE)
                .get(suite.url("reporting-service") + "/api/v1/reports/whereabouts").then().statusCode(200);
    }

    /** Every row and figure of a report table equals the API's JSON for the same selection. */
    private static Map<String, Map<String, String>> assertShownAsTheApiReports(String report, String groupBy,
                                                                              List<String> fields) {
        JsonNode json = api(report, groupBy);
        Map<String, Map<String, String>> shown = page.table(report);
        List<String> keys = new ArrayList<>();
        json.path("rows").forEach(row -> keys.add(row.path("key").asText()));
        keys.add("total");
        assertThat(shown.keySet()).as("rows of %s by %s", report, groupBy).containsExactlyElementsOf(keys);
        for (String key : keys) {
            JsonNode row = key.equals("total") ? json.path("total") : row(json, key);
            Map<String, String> expected = new LinkedHashMap<>();
            Map<String, String> actual = new LinkedHashMap<>();
            for (String field : fields) {
                expected.put(field, shown(row, field));
                String cell = shown.get(key).get(field);
                // a figure without a denominator is shown as a dash (with hidden text for screen readers)
                actual.put(field, cell != null && cell.startsWith("–") ? "–" : cell);
            }
            assertThat(actual).as("%s row %s", report, key).isEqualTo(expected);
        }
        return shown;
    }

    /**
     * How the page must show a figure of a table row: as {@link #expected}, a quota followed by the row's
     * "vorläufig (n)" mark when some of its participations can still change. (The coordinator's provisional
     * count is perturbed too, so whether the mark shows depends on the data set's random record keys.)
     */
    private static String shown(JsonNode row, String field) {
        String figure = expected(row, field);
        return field.endsWith("Percent") && !figure.equals("–") ? figure + provisionalMark(row) : figure;
    }

    private static String provisionalMark(JsonNode row) {
        long provisional = row.path("provisional").asLong(0);
        return provisional > 0
                ? " vorläufig (" + NumberFormat.getIntegerInstance(Locale.GERMANY).format(provisional) + ")" : "";
    }

    /** How the page must show a figure of the API: German number format, or a dash when there is none. */
    private static String expected(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return "–";
        }
        String number = NumberFormat.getIntegerInstance(Locale.GERMANY).format(value.asLong());
        return field.endsWith("Percent") ? number + " %" : number;
    }

    private static JsonNode row(JsonNode report, String key) {
        for (JsonNode row : report.path("rows")) {
            if (key.equals(row.path("key").asText())) {
                return row;
            }
        }
        throw new AssertionError("No row " + key + " in " + report);
    }

    private static JsonNode api(String report, String groupBy) {
        try {
            return JSON.readTree(given().auth().oauth2(tokenOfThePage()).accept("application/json")
                    .queryParam("phaseId", PHASE).queryParam("groupBy", groupBy)
                    .get(suite.url("reporting-service") + "/api/v1/reports/" + report)
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String apiCsv(String report, String groupBy) {
        // the dashboard downloads the German CSV (lang=de, issue 14)
        return given().auth().oauth2(tokenOfThePage()).accept("text/csv")
                .queryParam("phaseId", PHASE).queryParam("groupBy", groupBy).queryParam("lang", "de")
                .get(suite.url("reporting-service") + "/api/v1/reports/" + report)
                .then().statusCode(200).extract().asString();
    }

    /** The token the page is signed in with (Keycloak's): the API answers it exactly what it answers the page. */
    private static String tokenOfThePage() {
        return page.accessToken();
    }

}
