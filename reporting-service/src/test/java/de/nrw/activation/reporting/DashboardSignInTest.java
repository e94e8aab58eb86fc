package de.nrw.activation.reporting;

import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The dashboard signs in at the identity provider the service names; it has no token field. */
@QuarkusTest
class DashboardSignInTest {

    @Test
    void theServiceNamesTheProviderAndThePublicClientWithoutAToken() {
        given().get("/dashboard/sign-in-config")
                .then().statusCode(200).contentType("application/json")
                .body("issuer", equalTo(Tokens.ISSUER))
                .body("clientId", equalTo("activation-dashboard"))
                .body("size()", equalTo(2));
    }

    @Test
    void thePageLoadsTheVendoredOidcClientAndAsksForNoToken() {
        given().get("/dashboard/")
                .then().statusCode(200)
                .body(containsString("vendor/oidc-client-ts-3.5.0.min.js"))
                .body(not(containsString("Bearer-Token")))
                .body(not(containsString("type=\"password\"")));
        given().get("/dashboard/vendor/oidc-client-ts-3.5.0.min.js")
                .then().statusCode(200).body(containsString("UserManager"));
    }
}
