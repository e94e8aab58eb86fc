package de.nrw.activation.platform.time;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.testsupport.LogCapture;
import de.nrw.activation.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Dates in JSON bodies and query parameters lie within 1900-01-01..9999-12-31, or answer 400. */
@QuarkusTest
class DateRangeTest {

    private static final String STAFF = Tokens.staff("dortmund");

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().auth().oauth2(STAFF).contentType("application/json").body(body).post("/api/dated").then();
    }

    @Test
    void bodyDatesOutsideTheRangeAnswer400NamingTheField() {
        try (LogCapture logs = LogCapture.start()) {
            for (String day : new String[] {"+999999999-12-31", "-999999999-01-01", "1899-12-31", "+10000-01-01", "0000-01-01"}) {
                post("{\"day\":\"" + day + "\"}").statusCode(400).contentType("application/problem+json")
                        .body("type", equalTo(Problem.TYPE_BASE + "validation-failed"))
                        .body("violations.field", hasItem("day"))
                        .body("violations.message", hasItem(DateRange.MESSAGE));
            }
            post("{\"day\":\"2012-03-05\",\"more\":[\"2012-03-06\",\"+999999999-12-31\"]}").statusCode(400)
                    .body("violations.field", hasItem("more[1]"));
            assertThat(logs.text()).doesNotContain("999999999").doesNotContain("1899-12-31");
        }
    }

    @Test
    void bodyDatesWithinTheRangeIncludingItsEndsAreAccepted() {
        post("{\"day\":\"1900-01-01\",\"more\":[\"9999-12-31\",\"2012-03-05\"]}").statusCode(200)
                .body("day", equalTo("1900-01-01")).body("more[0]", equalTo("9999-12-31"));
    }

    @Test
    void checkNamesTheFieldOfAnOutOfRangeDate() {
        assertThat(DateRange.check("until", LocalDate.of(2012, 3, 5))).isEqualTo(LocalDate.of(2012, 3, 5));
        assertThat(DateRange.check("until", null)).isNull();
        assertThatThrownBy(() -> DateRange.check("until", LocalDate.MAX))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(Problem.Violation::field).containsExactly("until");
                });
        assertThatThrownBy(() -> DateRange.check("from", LocalDate.of(1899, 12, 31))).isInstanceOf(ProblemException.class);
    }
}
