package de.nrw.activation.participants;

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
        assertThat(doc.getString("paths.'/api/v1/participants'.post.operationId")).isEqualTo("registerParticipant");
        assertThat(doc.getString("paths.'/api/v1/participants/{id}'.delete.operationId")).isEqualTo("eraseParticipant");
        assertThat(doc.getString("paths.'/api/v1/participants'.get.operationId")).isEqualTo("searchParticipants");
        assertThat(doc.getString("paths.'/api/v1/participants/{id}/audit'.get.operationId")).isEqualTo("listParticipantAudit");
    }
}
