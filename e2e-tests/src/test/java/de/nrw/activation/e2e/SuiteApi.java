package de.nrw.activation.e2e;

import de.nrw.activation.testsupport.RunningSuite;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Requests to the running suite's APIs, as the end-to-end tests send them. */
final class SuiteApi {

    private SuiteApi() { }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static String url(String service, String path) {
        return RunningSuite.get().url(service) + "/api/v1" + path;
    }

    /** POSTs until the target service has seen the events it needs (it answers 404 until then). */
    static String awaitCreated(Supplier<Response> post) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response response = post.get();
            if (response.statusCode() == 201) {
                id[0] = response.path("id");
                return true;
            }
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
            return false;
        });
        return id[0];
    }
}
