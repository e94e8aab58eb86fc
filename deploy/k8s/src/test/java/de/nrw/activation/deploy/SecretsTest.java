package de.nrw.activation.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing secret in the repository: the manifests only name Secrets that ops (or CloudNativePG) create. */
class SecretsTest {

    private static final Pattern SECRETISH = Pattern.compile("(?i).*(password|passwd|secret|token|private|credential|api_?key).*");

    static Stream<String> targets() {
        return Rendered.targets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void noSecretCarriesAValue(String target) {
        Rendered.of(target).all(Secret.class).forEach(s -> {
            assertThat(s.getData()).as("Secret %s data", s.getMetadata().getName()).isNullOrEmpty();
            assertThat(s.getStringData()).as("Secret %s stringData", s.getMetadata().getName()).isNullOrEmpty();
        });
        assertThat(Rendered.of(target).yaml()).doesNotContain("-----BEGIN").doesNotContainIgnoringCase("private key");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void noConfigMapOrLiteralEnvironmentVariableLooksLikeACredential(String target) {
        Rendered rendered = Rendered.of(target);
        rendered.all(ConfigMap.class).forEach(map ->
                assertThat(map.getData().keySet()).as("ConfigMap %s", map.getMetadata().getName()).noneMatch(k -> SECRETISH.matcher(k).matches()));
        rendered.all(Deployment.class).forEach(d -> d.getSpec().getTemplate().getSpec().getContainers()
                .forEach(c -> c.getEnv().stream().filter(e -> SECRETISH.matcher(e.getName()).matches())
                        .forEach(e -> assertThat(e.getValue()).as("%s %s is a literal", c.getName(), e.getName()).isNull())));
    }

    /** Every Secret referenced by name, whether created by ops or by an operator. */
    static Set<String> referencedSecrets(Rendered rendered) {
        Set<String> names = new TreeSet<>();
        for (Deployment d : rendered.all(Deployment.class)) {
            var pod = d.getSpec().getTemplate().getSpec();
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> names.add(v.getSecret().getSecretName()));
            pod.getContainers().forEach(c -> c.getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> names.add(e.getValueFrom().getSecretKeyRef().getName())));
        }
        rendered.all(Ingress.class).forEach(i -> i.getSpec().getTls().forEach(t -> names.add(t.getSecretName())));
        return names;
    }

    @Test
    void everyReferencedSecretIsExplainedInTheOperationsGuide() throws IOException {
        Path guide = Rendered.repoRoot().resolve("docs/operations.md");
        String text = Files.readString(guide);
        for (String overlay : Rendered.OVERLAYS) {
            Set<String> secrets = referencedSecrets(Rendered.of(overlay));
            assertThat(secrets).contains("participants-db-app").doesNotContain("jwt-public-key");
            secrets.forEach(name -> assertThat(text.contains(name)).as("docs/operations.md explains Secret %s", name).isTrue());
        }
    }
}
