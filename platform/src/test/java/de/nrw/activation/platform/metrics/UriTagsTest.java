package de.nrw.activation.platform.metrics;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** /q/metrics names paths by their templates, never by the ids in them. */
@QuarkusTest
class UriTagsTest {

    @Test
    void errorAnswersOnIdPathsPutNoIdIntoTheMetrics() {
        String staff = Tokens.staff("dortmund");
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(staff).contentType("application/json").body("{}")
                .put("/api/things/" + id).then().statusCode(405);
        given().auth().oauth2(staff).post("/api/things/" + id + "/name").then().statusCode(405);
        given().auth().oauth2(staff).get("/api/things/" + id + "/nothing-here").then().statusCode(404);
        given().auth().oauth2(staff).header("X-Padding", "p".repeat(20_000)).get("/api/things/" + id)
                .then().statusCode(431);
        given().auth().oauth2(staff).get("/api/things/" + id).then().statusCode(404);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_count");
        assertThat(metrics).doesNotContain(id);
        assertThat(metrics).doesNotContainPattern("uri=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}-");
        // the matched request keeps its template
        assertThat(metrics).contains("uri=\"/api/things/{id}\"");
    }

    @Test
    void onlyTemplatesAndQuarkusPlaceholdersAreKept() {
        assertThat(UriTags.isTemplate("/api/v1/groups/{id}/sessions/{date}/attendance")).isTrue();
        assertThat(UriTags.isTemplate("/q/metrics")).isTrue();
        assertThat(UriTags.isTemplate("/dashboard/vendor/oidc-client-ts-3.5.0.min.js")).isTrue();
        assertThat(UriTags.isTemplate("NOT_FOUND")).isTrue();
        assertThat(UriTags.isTemplate("UNKNOWN")).isTrue();
        assertThat(UriTags.isTemplate("root")).isTrue();

        assertThat(UriTags.isTemplate("/api/v1/groups/3f2a6c1e-8b9d-4e2f-9a1b-2c3d4e5f6a7b")).isFalse();
        assertThat(UriTags.isTemplate("/api/v1/groups/a3bb189e-8bf9-4888-b912-ace4e6543002/cancel")).isFalse();
        assertThat(UriTags.isTemplate("/api/v1/groups/x/sessions/2012-03-05")).isFalse();
        assertThat(UriTags.isTemplate("/api/v1/participants/12345")).isFalse();
        assertThat(UriTags.isTemplate("/api/v1/participants/Mustermann")).isFalse();
        assertThat(UriTags.isTemplate("/api/v1/participants/erika%20mustermann")).isFalse();
        assertThat(UriTags.isTemplate("api/relative")).isFalse();
    }
}
