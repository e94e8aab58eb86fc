package de.nrw.activation.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic image recipe fits the pods that run it. (Building images needs a container engine,
 * which CI does not have; docs/operations.md has the commands.)
 */
class ContainerImageTest {

    private final List<String> lines = read();

    private static List<String> read() {
        try {
            return Files.readAllLines(Rendered.repoRoot().resolve("deploy/container/Dockerfile.jvm")).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theImageRunsAsTheNumericNonRootUserThePodsRequire() {
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).strip();
        assertThat(user).as("numeric, so runAsNonRoot can verify it").matches("\\d+");
        Rendered.of("overlays/prod").all(Deployment.class).forEach(d ->
                assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(Long.parseLong(user)));
    }

    @Test
    void oneRecipeCopiesTheFastJarLayoutOfTheServiceNamedByTheBuildArgument() {
        assertThat(lines).contains("ARG SERVICE");
        Pattern copy = Pattern.compile("COPY (?:--\\S+ )*\\$\\{SERVICE}/target/quarkus-app/(\\S*) /deployments/(\\S*)");
        List<String> copied = lines.stream().filter(l -> l.startsWith("COPY")).map(l -> {
            Matcher m = copy.matcher(l);
            assertThat(m.matches()).as("COPY from the service's quarkus-app: %s", l).isTrue();
            return m.group(1);
        }).toList();
        assertThat(copied).containsExactly("lib/", "*.jar", "app/", "quarkus/");
        assertThat(lines).contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).singleElement().asString().matches("FROM \\S+:[\\w.-]+");
    }

    @Test
    void theBuildContextIsLimitedToThePackagedApplications() throws IOException {
        Path ignore = Rendered.repoRoot().resolve("deploy/container/Dockerfile.jvm.dockerignore");
        List<String> rules = Files.readAllLines(ignore).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(rules).containsExactly("*", "!*/target/quarkus-app/");
    }
}
