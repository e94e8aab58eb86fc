package de.nrw.activation.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rendered document is a known kind and matches its schema exactly. */
class StrictSchemaTest {

    static java.util.stream.Stream<String> targets() {
        return Rendered.targets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyRenderedDocumentLoadsStrictlyIntoTheModelOfItsKind(String target) {
        Rendered rendered = Rendered.of(target); // StrictModel.load throws on the first bad document
        assertThat(rendered.documents()).isNotEmpty().hasSameSizeAs(rendered.objects());
        assertThat(rendered.all(Deployment.class)).hasSize(Suite.SERVICES.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyResourceHasANameThatIsAValidDnsLabel(String target) {
        Rendered.of(target).documents().forEach(doc ->
                assertThat(doc.path("metadata").path("name").asText())
                        .as("%s name", doc.path("kind").asText())
                        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyNamespacedResourceOfAnOverlayIsInTheOverlaysNamespace(String target) {
        if (!target.startsWith("overlays/")) {
            return;
        }
        Rendered rendered = Rendered.of(target);
        String namespace = rendered.documents().stream().filter(d -> d.path("kind").asText().equals("Namespace"))
                .map(d -> d.path("metadata").path("name").asText()).findFirst()
                .orElseThrow(() -> new AssertionError(target + " renders no Namespace"));
        rendered.documents().stream().filter(d -> !d.path("kind").asText().equals("Namespace")).forEach(doc ->
                assertThat(doc.path("metadata").path("namespace").asText())
                        .as("%s %s", doc.path("kind").asText(), doc.path("metadata").path("name").asText())
                        .isEqualTo(namespace));
    }

    // The checker itself must be able to fail: these feed it documents that are wrong.

    @Test
    void theCheckerRejectsAFieldTheSchemaDoesNotKnow() {
        ObjectNode deployment = Rendered.of("base").documents().stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow().deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("livenessProbes", "typo");
        assertThatThrownBy(() -> StrictModel.load(deployment)).hasMessageContaining("livenessProbes");
    }

    @Test
    void theCheckerRejectsAValueOfTheWrongType() {
        ObjectNode deployment = Rendered.of("base").documents().stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow().deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec"))
                .set("terminationGracePeriodSeconds", TextNode.valueOf("forty"));
        assertThatThrownBy(() -> StrictModel.load(deployment)).isInstanceOf(AssertionError.class);
    }

    @Test
    void theCheckerRejectsAnUnknownFieldInACustomResource() {
        ObjectNode topic = Rendered.of("base").documents().stream()
                .filter(d -> d.path("kind").asText().equals("KafkaTopic")).findFirst().orElseThrow().deepCopy();
        ((ObjectNode) topic.path("spec")).put("replicationFactor", 3);
        assertThatThrownBy(() -> StrictModel.load(topic)).hasMessageContaining("replicationFactor");

        ObjectNode cluster = Rendered.of("overlays/prod").documents().stream()
                .filter(d -> d.path("kind").asText().equals("Cluster")).findFirst().orElseThrow().deepCopy();
        ((ObjectNode) cluster.path("spec")).put("replicas", 3);
        assertThatThrownBy(() -> StrictModel.load(cluster)).hasMessageContaining("replicas");
    }

    @Test
    void theCheckerRejectsAKindItDoesNotKnow() {
        ObjectNode job = StrictModel.MAPPER.createObjectNode().put("apiVersion", "batch/v1").put("kind", "CronJob");
        job.putObject("metadata").put("name", "x");
        assertThatThrownBy(() -> StrictModel.load(job)).hasMessageContaining("kind not known");
    }
}
