package de.nrw.activation.platform.problem;

import de.nrw.activation.testsupport.LogCapture;
import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A statement the database refuses: PostgreSQL's error text repeats the row ("Failing row contains
 * (..., Erika Zylinderhut, ...)"), and Hibernate's SqlExceptionHelper would log it at WARN/ERROR.
 * The log shows the failure's type and error id, never the values.
 */
@QuarkusTest
class SqlErrorLogTest {

    @Test
    void aRefusedStatementLogsNoInputValue() {
        String marker = "Zylinderhut" + System.nanoTime();
        try (LogCapture logs = LogCapture.start()) {
            String errorId = given().auth().oauth2(Tokens.staff("dortmund")).contentType("application/json")
                    .body("{\"name\":\"" + marker + "\",\"kind\":\"SMALL\"}").post("/api/things/orphans")
                    .then().statusCode(500).contentType("application/problem+json")
                    .body("type", equalTo(Problem.TYPE_BASE + "internal-error"))
                    .extract().path("errorId");
            assertThat(logs.text()).contains(errorId); // the failure was logged ...
            assertThat(logs.text()).doesNotContain(marker).doesNotContain("Failing row"); // ... without its values
        }
    }
}
