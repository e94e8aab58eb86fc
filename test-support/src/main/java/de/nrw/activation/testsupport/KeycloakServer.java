package de.nrw.activation.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local Keycloak (the {@code keycloak-dist} module's unpacked distribution) as its own process,
 * in dev mode with an in-memory database, with the DEV ONLY realm of {@code deploy/keycloak}
 * imported at start. It listens on 127.0.0.1:8180 because the realm's issuer, which every
 * service and {@link Tokens} expect, names that address. For the browser test the dashboard
 * client also accepts redirects to any loopback port (the suite's services run on free ports);
 * that is added to the imported copy only, never to the realm file.
 */
public final class KeycloakServer {

    public static final int PORT = 8180;
    public static final String URL = "http://127.0.0.1:" + PORT;
    public static final String REALM_URL = URL + "/realms/activation";

    private final Process process;

    private KeycloakServer(Process process) {
        this.process = process;
    }

    /** Starts Keycloak and returns once the realm answers its discovery document (up to 4 minutes). */
    public static KeycloakServer start(Path root, Path logs) {
        Path home = root.resolve("keycloak-dist/target/keycloak-" + version(root));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + ": build the keycloak-dist module");
        }
        if (answers(REALM_URL + "/.well-known/openid-configuration") != 0) {
            throw new IllegalStateException("Port " + PORT + " is taken (is deploy/local/run.sh running? stop it first)");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(imports.resolve("activation-realm.json"),
                    withLoopbackRedirects(Files.readString(root.resolve("deploy/keycloak/activation-realm.json"))));
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + PORT, "--hostname=" + URL,
                    "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("keycloak.log").toFile()));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m");
            KeycloakServer server = new KeycloakServer(builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            server.awaitRealm(Duration.ofMinutes(4), logs);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        // kc.sh execs java, so the process is Keycloak itself; its children too, to be sure
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String withLoopbackRedirects(String realmJson) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode realm = (ObjectNode) mapper.readTree(realmJson);
        for (var client : realm.withArray("clients")) {
            if ("activation-dashboard".equals(client.path("clientId").asText())) {
                ((ArrayNode) client.get("redirectUris")).add("http://127.0.0.1:*");
                ((ArrayNode) client.get("webOrigins")).add("*");
                ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", "http://127.0.0.1:*");
            }
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    private void awaitRealm(Duration timeout, Path logs) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; see " + logs.resolve("keycloak.log"));
            }
            if (answers(REALM_URL + "/.well-known/openid-configuration") == 200) {
                return;
            }
            try {
                process.waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + logs.resolve("keycloak.log"));
    }

    private static int answers(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String version(Path root) {
        try (var dirs = Files.list(root.resolve("keycloak-dist/target"))) {
            List<String> names = dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("keycloak-")).toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("Keycloak is not unpacked: build the keycloak-dist module");
            }
            return names.get(0).substring("keycloak-".length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
