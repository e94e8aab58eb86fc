package de.nrw.activation.reporting;

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
        assertThat(doc.getString("paths.'/api/v1/reports/whereabouts'.get.operationId")).isEqualTo("getWhereaboutsReport");
        assertThat(doc.getString("paths.'/api/v1/projections/rebuild'.post.operationId")).isEqualTo("rebuildProjection");
        assertThat(doc.getString("paths.'/api/v1/reports/structure/chart'.get.operationId")).isEqualTo("getStructureChart");
    }
}
