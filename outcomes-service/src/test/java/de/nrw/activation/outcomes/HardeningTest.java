package de.nrw.activation.outcomes;

import de.nrw.activation.platform.problem.Problem;
import de.nrw.activation.testsupport.LogCapture;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static de.nrw.activation.outcomes.OutcomeFixtures.asStaff;
import static de.nrw.activation.outcomes.OutcomeFixtures.endedParticipation;
import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue 17's security review, outcomes-service: mixed-role tokens and extreme dates. */
@QuarkusTest
class HardeningTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aStaffAndCoordinatorTokenReadsNoDueCheckpoints() {
        endedParticipation(db, knownParticipant(db, "kreis-kleve"), "kreis-kleve",
                LocalDate.parse("2011-12-05"), LocalDate.parse("2012-01-31"));
        given().auth().oauth2(Tokens.withRoles("kreis-kleve", "jobcenter-staff", "coordinator"))
                .queryParam("until", "2013-12-31").get("/api/v1/follow-ups/due")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_BASE + "mixed-roles"));
        asStaff("kreis-kleve").queryParam("until", "2013-12-31").get("/api/v1/follow-ups/due")
                .then().statusCode(200).header("X-Total-Count", equalTo("4"));
    }

    @Test
    void anExtremeUntilAnswers400NamingItAndNothingOfItIsLogged() {
        try (LogCapture logs = LogCapture.start()) {
            for (String until : new String[] {"+999999999-12-31", "-999999999-01-01", "1899-12-31", "+10000-01-01"}) {
                asStaff("kreis-wesel").queryParam("until", until).get("/api/v1/follow-ups/due")
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("type", equalTo(Problem.TYPE_BASE + "validation-failed"))
                        .body("violations.field", hasItem("until"));
            }
            assertThat(logs.text()).doesNotContain("999999999").doesNotContain("1899-12-31");
        }
        asStaff("kreis-wesel").queryParam("until", "9999-12-31").get("/api/v1/follow-ups/due").then().statusCode(200);
    }
}
