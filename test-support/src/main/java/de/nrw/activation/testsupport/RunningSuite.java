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
    private final List<Process> replicas = new ArrayList<>();

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
            SuiteTestResource.dropAndCreate(database);
            int port = freePort();
            ProcessBuilder launcher = launcher(root, service, database, port, broker.bootstrapServers(),
                    logs.resolve(service + ".log"));
            if (urls.containsKey("participants-service")) {
                // groups-service asks it for the age band on an entry date (it is started first)
                launcher.environment().put("PARTICIPANTS_URL", urls.get("participants-service"));
            }
            launchers.put(service, launcher);
            urls.put(service, "http://127.0.0.1:" + port);
            launch(service);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        for (Map.Entry<String, String> service : urls.entrySet()) {
            awaitReady(service.getKey(), service.getValue(), processes.get(service.getKey()), logs.resolve(service.getKey() + ".log"));
        }
    }

    /** A service started on its own by {@link #startService}. */
    public record ServiceProcess(Process process, String url) { }

    /**
     * One packaged service as its own process, configured as in production (environment only),
     * with the database (created empty) and the broker given, on a free port; returns once it is
     * ready. For tests that need a service outside the suite, e.g. against a cluster.
     */
    public static ServiceProcess startService(String service, String database, String bootstrapServers, Path log) {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        SuiteTestResource.dropAndCreate(database);
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        try {
            Files.createDirectories(log.getParent());
            Process process = launcher(root, service, database, port, bootstrapServers, log).start();
            awaitReady(service, url, process, log);
            return new ServiceProcess(process, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another replica of one of the suite's services: the same packaged service, database,
     * broker and configuration, on a port of its own, logging to {@code <name>.log}; returns once
     * it is ready. Stopped with the suite (or by the test, e.g. {@code destroyForcibly()}).
     */
    public synchronized ServiceProcess startReplica(String service, String name) {
        ProcessBuilder suiteLauncher = launchers.get(service);
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        Path log = logs.resolve(name + ".log");
        ProcessBuilder launcher = new ProcessBuilder(suiteLauncher.command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        launcher.environment().clear();
        launcher.environment().putAll(suiteLauncher.environment());
        launcher.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Process process = launcher.start();
            replicas.add(process);
            awaitReady(name, url, process, log);
            return new ServiceProcess(process, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessBuilder launcher(Path root, String service, String database, int port, String bootstrapServers,
                                           Path log) {
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar",
                root.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", SuiteTestResource.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", System.getenv().getOrDefault("PGUSER", "postgres"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        // on a busy test machine PostgreSQL may take longer than the default 5 s to hand out the
        // first connection (Flyway at start-up); the services would exit instead of waiting
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        // the DEV ONLY key that the local Keycloak realm signs with: tokens of Tokens and of the
        // realm (the browser test signs in there) are both accepted, one issuer, one key
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("deploy/local/dev-keys/publicKey.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", Tokens.AUDIENCE);
        // reporting-service's cell key method (docs/confidentiality.md); dev only, never a production value
        env.put("REPORTING_CONFIDENTIALITY_SECRET", "dev-only-confidentiality-secret-not-for-production");
        return builder;
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
        awaitReady(service, urls.get(service), processes.get(service), logs.resolve(service + ".log"));
    }

    private void launch(String service) {
        try {
            processes.put(service, launchers.get(service).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        List<Process> all = new ArrayList<>(processes.values());
        synchronized (this) {
            all.addAll(replicas);
        }
        for (Process process : all) {
            process.destroy();
        }
        for (Process process : all) {
            try {
                if (!process.waitFor(25, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitReady(String service, String url, Process process, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see " + log);
            }
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
        throw new IllegalStateException(service + " not ready after 120 s; see " + log);
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
