package de.nrw.activation.e2e;

import de.nrw.activation.testsupport.RunningSuite;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard for the roles of issue 18 and its Content-Security-Policy with a real sign-in
 * (issue 17), in headless Chromium through Keycloak's login page ({@link DashboardPage#shared()}:
 * one Keycloak with the DEV ONLY realm and one browser for all dashboard test classes).
 * <ul>
 *   <li>Education providers' staff ({@code provider-herne}) and a data-protection officer
 *       ({@code data-protection-herne}) sign in, see a German message that they have no access to
 *       the state-wide figures, no figure at all, and the page asks the report API for nothing;
 *       the API itself answers their tokens 404 (provider staff: as if it did not exist) and 403.</li>
 *   <li>After the coordinator signs in and the figures render (table and chart), the console holds
 *       no Content-Security-Policy violation and the page reported none.</li>
 * </ul>
 */
class DashboardRolesBrowserTest {

    static final String PHASE = DashboardDataset.PHASE;
    static final String NO_ACCESS = "Kein Zugriff auf die landesweiten Auswertungen";

    static RunningSuite suite;
    static DashboardPage page;

    @BeforeAll
    static void startTheSuiteTheDataAndTheBrowser() {
        page = DashboardPage.shared();
        suite = RunningSuite.get();
    }

    @Test
    void providerStaffSeeThatTheyHaveNoAccessToTheFiguresAndNoFigure() {
        page.open().signIn("provider-herne");
        assertThat(page.signedInAs()).contains("provider-herne", "Bildungsträger");
        assertNoAccessAndNoFigures("Bildungsträgern");
        // the service agrees: the reports are not there for provider staff
        given().auth().oauth2(page.accessToken()).accept("application/json").queryParam("phaseId", PHASE)
                .get(suite.url("reporting-service") + "/api/v1/reports/whereabouts")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDataProtectionOfficerSeesThatTheRoleHasNoAccessToTheFiguresAndNoFigure() {
        page.open().signIn("data-protection-herne");
        assertThat(page.signedInAs()).contains("data-protection-herne", "Datenschutz", "Herne");
        assertNoAccessAndNoFigures("Datenschutz");
        given().auth().oauth2(page.accessToken()).accept("application/json").queryParam("phaseId", PHASE)
                .get(suite.url("reporting-service") + "/api/v1/reports/whereabouts")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void afterTheCoordinatorSignsInTheFiguresRenderWithoutAnyContentSecurityPolicyViolation() {
        page.open();
        page.consoleMessages(); // what earlier tests left in the console
        page.signIn("state-coordinator").show(PHASE, "jobcenter");
        assertThat(page.table("whereabouts")).containsKey("total");
        assertThat(page.table("whereabouts").get("total").get("n")).matches("[0-9.]+");
        assertThat(page.chartLoaded()).isTrue();
        page.view("nav-figures").show(PHASE, null);
        assertThat(page.table("structure")).containsKey("herne");
        assertThat(page.table("trend")).containsKey("total");

        assertThat(page.cspViolations()).as("securitypolicyviolation events of the dashboard").isEmpty();
        assertThat(page.consoleMessages()).as("the browser console, from the sign-in on")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }

    private static void assertNoAccessAndNoFigures(String whoInTheMessage) {
        assertThat(page.displayed("message")).isTrue();
        assertThat(page.text("message")).startsWith(NO_ACCESS).contains(whoInTheMessage);
        assertThat(page.displayed("reports")).isFalse();
        assertThat(page.showsAnyFigure()).isFalse();
        assertThat(page.apiRequests()).as("calls of the page to the API").isEmpty();
        assertThat(page.cspViolations()).isEmpty();
    }
}
