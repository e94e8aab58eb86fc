package de.nrw.activation.reporting;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Issue 17's security review, reporting-service: mixed-role tokens, dates, the dashboard's policy. */
@QuarkusTest
class HardeningTest {

    @Test
    void aStaffAndCoordinatorTokenGetsNoCrossJobcenterReport() {
        given().auth().oauth2(Tokens.withRoles("herne", "jobcenter-staff", "coordinator"))
                .get("/api/v1/reports/whereabouts").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_BASE + "mixed-roles"));
        given().auth().oauth2(Tokens.withRoles("herne", "coordinator", "ops"))
                .get("/api/v1/projections/status").then().statusCode(403)
                .body("type", equalTo(Problem.TYPE_BASE + "mixed-roles"));
        given().auth().oauth2(Tokens.staff("herne")).get("/api/v1/reports/whereabouts").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        given().auth().oauth2(Tokens.coordinator()).get("/api/v1/reports/whereabouts").then().statusCode(200);
    }

    @Test
    void aDateBefore1900Answers400NamingTheParameter() {
        given().auth().oauth2(Tokens.coordinator()).queryParam("from", "1899-12-31").get("/api/v1/reports/whereabouts")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("from"));
        given().auth().oauth2(Tokens.coordinator()).queryParam("to", "0001-01-01").get("/api/v1/reports/whereabouts")
                .then().statusCode(400).body("violations.field", hasItem("to"));
    }

    @Test
    void theDashboardRunsOnlyItsOwnScriptsAndTalksOnlyToItselfAndTheIdentityProvider() {
        for (String path : new String[] {"/dashboard/", "/dashboard/app.js", "/dashboard/sign-in-config"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("connect-src 'self' " + Tokens.ISSUER + "/;"))
                    .header("Content-Security-Policy", containsString("img-src 'self' blob:"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe")))
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void theDashboardPageHasNoInlineScriptOrStyleThePolicyWouldBlock() throws IOException {
        String page;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/dashboard/index.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        assertThat(page).doesNotContainPattern("<style");
        assertThat(page).doesNotContainPattern("\\sstyle=");
        assertThat(page).doesNotContainPattern("\\son[a-z]+=");
        assertThat(page).doesNotContain("javascript:");
    }
}
