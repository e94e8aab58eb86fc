package de.nrw.activation.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite as in production, on this machine: a real Kafka broker, a fresh PostgreSQL
 * database per service, and the four packaged services ({@code target/quarkus-app}) as
 * separate JVM processes with the prod profile, configured through environment variables only.
 * Started once per test JVM; stopped by a shutdown hook. The databases are named
 * {@code <prefix>_participants} ..., the prefix from the system property {@code suite.db-prefix}
 * (default {@code e2e}), so two modules' suites do not share databases. Failure tests can kill
 * a service (SIGKILL) and start it again on the same port and database.
 */
public final class RunningSuite {

    public static final List<String> SERVICES = List.of("participants-service", "groups-service", "outcomes-service",
            "reporting-service");

    private static RunningSuite instance;

    private final Path root;
    private final Path logs;
    private final KafkaBroker broker;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, ProcessBuilder> launchers = new LinkedHashMap<>();

    private RunningSuite() {
        root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        broker = SuiteTestResource.broker();
        String prefix = System.getProperty("suite.db-prefix", "e2e");
        logs = Path.of(System.getProperty("suite.logs", root.resolve("target/" + prefix + "-logs").toString()));
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String service : SERVICES) {
            String database = SuiteTestResource.databaseName(prefix + "_" + service.replace("-service", ""));
            recreateDatabase(database);
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar",
                    root.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", SuiteTestResource.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", System.getenv().getOrDefault("PGUSER", "postgres"));
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            // the DEV ONLY key that the local Keycloak realm signs with: tokens of Tokens and of the
            // realm (the browser test signs in there) are both accepted, one issuer, one key
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("deploy/local/dev-keys/publicKey.pem").toString());
            env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
            env.put("MP_JWT_VERIFY_AUDIENCES", Tokens.AUDIENCE);
            if (urls.containsKey("participants-service")) {
                // groups-service asks it for the age band on an entry date (it is started first)
                env.put("PARTICIPANTS_URL", urls.get("participants-service"));
            }
            launchers.put(service, builder);
            urls.put(service, "http://127.0.0.1:" + port);
            launch(service);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        for (Map.Entry<String, String> service : urls.entrySet()) {
            awaitReady(service.getKey(), service.getValue(), logs);
        }
    }

    public static synchronized RunningSuite get() {
        if (instance == null) {
            instance = new RunningSuite();
        }
        return instance;
    }

    public String url(String service) {
        return urls.get(service);
    }

    public Path root() {
        return root;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public Path devKey() {
        return root.resolve("deploy/local/dev-keys/privateKey.pem");
    }

    /** Kills the service's process at once (SIGKILL: no shutdown hooks, no graceful drain). */
    public void kill(String service) {
        Process process = processes.get(service);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the service again (same port, database and broker) and waits until it is ready. */
    public void restart(String service) {
        launch(service);
        awaitReady(service, urls.get(service), logs);
    }

    private void launch(String service) {
        try {
            processes.put(service, launchers.get(service).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        for (Process process : processes.values()) {
            process.destroy();
        }
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(25, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitReady(String service, String url, Path logs) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(service + " not ready after 120 s; see " + logs.resolve(service + ".log"));
    }

    private static void recreateDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(SuiteTestResource.jdbcUrl("postgres"),
                System.getenv().getOrDefault("PGUSER", "postgres"), System.getenv().getOrDefault("PGPASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
