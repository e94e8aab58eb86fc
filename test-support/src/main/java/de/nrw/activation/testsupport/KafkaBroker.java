package de.nrw.activation.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process) launched as
 * a separate JVM from the {@code kafka_2.13} artifacts, on free ports, with its data in a
 * temporary directory. It can be stopped and started again on the same port and data
 * (for outage tests). Its class path comes from {@code kafka-broker.classpath}, written by
 * this module's build.
 */
public final class KafkaBroker {

    public static final List<String> SUITE_TOPICS = List.of("participant-events", "group-events", "outcome-events");

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats the storage and starts the broker; returns once it answers on its port. */
    public static KafkaBroker launch() {
        try {
            Path directory = Files.createTempDirectory("kafka-test-");
            KafkaBroker broker = new KafkaBroker(directory, freePort(), freePort());
            broker.writeConfig();
            broker.run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", broker.config().toString()), directory.resolve("format.log")).waitFor(60, TimeUnit.SECONDS);
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        process = run(List.of("-Xms128m", "-Xmx384m", "kafka.Kafka", config().toString()), directory.resolve("broker.log"));
        awaitReady(Duration.ofSeconds(90));
    }

    /** Stops the broker (SIGTERM, then SIGKILL); its data stays for a later {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, partitions, (short) 1));
            }
            try {
                admin.createTopics(newTopics).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topics " + topics, e);
                }
            }
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("Cannot create topics " + topics, e);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60000));
    }

    private Path config() {
        return directory.resolve("server.properties");
    }

    private void writeConfig() throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "num.partitions=3",
                "");
        Files.writeString(config(), properties, StandardCharsets.UTF_8);
    }

    private Process run(List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(brokerClasspath());
        command.add("-Dlog4j2.configurationFile=" + log4jConfig());
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String log4jConfig() {
        Path file = directory.resolve("log4j2.properties");
        if (!Files.exists(file)) {
            try {
                Files.writeString(file, String.join("\n",
                        "rootLogger.level=WARN",
                        "rootLogger.appenderRef.stdout.ref=STDOUT",
                        "appender.stdout.type=Console",
                        "appender.stdout.name=STDOUT",
                        "appender.stdout.layout.type=PatternLayout",
                        "appender.stdout.layout.pattern=[%d] %p %m (%c)%n",
                        "logger.kafka.name=kafka",
                        "logger.kafka.level=INFO",
                        ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file.toString();
    }

    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath missing: build the test-support module first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + directory.resolve("broker.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                try (Admin admin = admin()) {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    return;
                }
            } catch (Exception notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("Kafka broker not ready after " + timeout + "; see " + directory.resolve("broker.log"));
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
