package de.nrw.activation.outcomes;

import de.nrw.activation.testsupport.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the OpenAPI document has a use-case operationId and a tag (issue 19). */
@QuarkusTest
class OperationIdsTest {

    @Test
    void everyOperationHasAUseCaseOperationIdAndATag() {
        JsonPath doc = OpenApiDocument.withNamedOperations();
        assertThat(doc.getString("paths.'/api/v1/follow-ups/due'.get.operationId")).isEqualTo("listDueFollowUps");
        assertThat(doc.getString("paths.'/api/v1/outcomes'.post.operationId")).isEqualTo("recordOutcome");
        assertThat(doc.getString("paths.'/api/v1/participations/{id}/follow-ups'.post.operationId")).isEqualTo("recordFollowUp");
    }
}
