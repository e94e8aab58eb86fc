package de.nrw.activation.groups;

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
        assertThat(doc.getString("paths.'/api/v1/groups'.post.operationId")).isEqualTo("scheduleGroup");
        assertThat(doc.getString("paths.'/api/v1/groups/{id}/sessions/{date}/attendance'.put.operationId")).isEqualTo("recordAttendance");
        assertThat(doc.getString("paths.'/api/v1/participations/{id}/exit'.post.operationId")).isEqualTo("recordExit");
        assertThat(doc.getString("paths.'/api/v1/groups/{id}/participations'.post.operationId")).isEqualTo("assignParticipant");
        assertThat(doc.getString("paths.'/api/v1/phases'.get.operationId")).isEqualTo("listPhases");
    }
}
