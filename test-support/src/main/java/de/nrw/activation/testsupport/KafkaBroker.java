package de.nrw.activation.testsupport;

import de.nrw.activation.contract.Topics;
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

    public static final List<String> SUITE_TOPICS = Topics.ALL;

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
        process = run(brokerArguments(config()), directory.resolve("broker.log"));
        awaitReady(Duration.ofSeconds(90));
    }

    /** Stops the broker (SIGTERM, then SIGKILL); its data stays for a later {@link #start()}. */
    public synchronized void stop() {
        stopGracefully(process);
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
        Files.writeString(config(), serverProperties(1, "1@127.0.0.1:" + controllerPort, port, controllerPort,
                directory.resolve("data"), 1), StandardCharsets.UTF_8);
    }

    /**
     * The suite's one KRaft configuration ({@code kraft-server.properties} of the kafka-broker
     * module, which deploy/local and bench fill in too) with one node's values.
     */
    static String serverProperties(int nodeId, String voters, int port, int controllerPort, Path logDir, int replication) {
        String template;
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/kraft-server.properties")) {
            if (in == null) {
                throw new IllegalStateException("kraft-server.properties missing: build the kafka-broker module first");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String properties = template
                .replace("@NODE_ID@", String.valueOf(nodeId))
                .replace("@VOTERS@", voters)
                .replace("@PORT@", String.valueOf(port))
                .replace("@CONTROLLER_PORT@", String.valueOf(controllerPort))
                .replace("@LOG_DIR@", logDir.toString())
                .replace("@REPLICATION@", String.valueOf(replication))
                .replace("@MIN_ISR@", String.valueOf(Math.max(1, replication - 1)));
        if (properties.lines().anyMatch(line -> !line.startsWith("#") && line.matches(".*@[A-Z_]+@.*"))) {
            throw new IllegalStateException("kraft-server.properties has a value nobody fills in:\n" + properties);
        }
        return properties;
    }

    private Process run(List<String> arguments, Path log) {
        return launch(directory, arguments, log);
    }

    /** Runs a Kafka main class with the broker's class path, its log4j configuration in {@code directory}. */
    static Process launch(Path directory, List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(brokerClasspath());
        command.add("-Dlog4j2.configurationFile=" + log4jConfig(directory));
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

    private static String log4jConfig(Path directory) {
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

    /**
     * A KRaft cluster of {@code nodes} processes, each broker and controller (all voters), on free
     * ports, for replication tests: topics with replication factor 3 and min.insync.replicas 2
     * survive one node being killed. Stopped by a shutdown hook.
     */
    public static Cluster launchCluster(int nodes) {
        try {
            return new Cluster(nodes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running multi-node cluster; nodes are numbered from 0. */
    public static final class Cluster {

        private final Path directory;
        private final int[] ports;
        private final int[] controllerPorts;
        private final Process[] processes;

        private Cluster(int nodes) throws IOException {
            directory = Files.createTempDirectory("kafka-cluster-");
            ports = new int[nodes];
            controllerPorts = new int[nodes];
            processes = new Process[nodes];
            for (int i = 0; i < nodes; i++) {
                ports[i] = freePort();
                controllerPorts[i] = freePort();
            }
            List<String> voters = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                voters.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
            }
            int replication = Math.min(3, nodes);
            String clusterId = Uuid.randomUuid().toString();
            List<Process> formats = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Path node = Files.createDirectories(directory.resolve("node-" + i));
                Files.writeString(node.resolve("server.properties"), serverProperties(i + 1, String.join(",", voters),
                        ports[i], controllerPorts[i], node.resolve("data"), replication), StandardCharsets.UTF_8);
                formats.add(runIn(node, List.of("kafka.tools.StorageTool", "format", "-t", clusterId,
                        "-c", node.resolve("server.properties").toString()), node.resolve("format.log")));
            }
            for (Process format : formats) {
                try {
                    format.waitFor(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            for (int i = 0; i < nodes; i++) {
                launchNode(i);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
            awaitBrokers(nodes, Duration.ofSeconds(120));
        }

        public int size() {
            return ports.length;
        }

        /** Every node's address, comma-separated. */
        public String bootstrapServers() {
            List<String> servers = new ArrayList<>();
            for (int port : ports) {
                servers.add("127.0.0.1:" + port);
            }
            return String.join(",", servers);
        }

        /** Kills node {@code i} at once (SIGKILL); its data stays for {@link #start(int)}. */
        public synchronized void kill(int i) {
            Process process = processes[i];
            if (process == null) {
                return;
            }
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            processes[i] = null;
        }

        /** Stops node {@code i} gracefully (SIGTERM, then SIGKILL). */
        public synchronized void stop(int i) {
            stopGracefully(processes[i]);
            processes[i] = null;
        }

        /** Starts node {@code i} again on its port and data; returns once the cluster lists all live nodes. */
        public synchronized void start(int i) {
            if (processes[i] != null && processes[i].isAlive()) {
                return;
            }
            launchNode(i);
            long live = java.util.Arrays.stream(processes).filter(p -> p != null && p.isAlive()).count();
            awaitBrokers((int) live, Duration.ofSeconds(90));
        }

        /** The node id (1-based, as Kafka knows it) of node {@code i}. */
        public int nodeId(int i) {
            return i + 1;
        }

        /** Creates topics with replication factor min(3, nodes) and min.insync.replicas one less. */
        public void createTopics(Collection<String> topics, int partitions) {
            short replication = (short) Math.min(3, ports.length);
            try (Admin admin = admin()) {
                List<NewTopic> newTopics = new ArrayList<>();
                for (String topic : topics) {
                    newTopics.add(new NewTopic(topic, partitions, replication)
                            .configs(Map.of("min.insync.replicas", String.valueOf(Math.max(1, replication - 1)))));
                }
                admin.createTopics(newTopics).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topics " + topics, e);
                }
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create topics " + topics, e);
            }
        }

        public Admin admin() {
            return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60000));
        }

        public synchronized void stopAll() {
            for (int i = 0; i < processes.length; i++) {
                stop(i);
            }
        }

        private void launchNode(int i) {
            Path node = directory.resolve("node-" + i);
            processes[i] = runIn(node, brokerArguments(node.resolve("server.properties")),
                    node.resolve("broker.log"));
        }

        private void awaitBrokers(int expected, Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (int i = 0; i < processes.length; i++) {
                    if (processes[i] != null && !processes[i].isAlive()) {
                        throw new IllegalStateException("Kafka node " + i + " exited; see "
                                + directory.resolve("node-" + i).resolve("broker.log"));
                    }
                }
                try (Admin admin = admin()) {
                    if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() >= expected) {
                        return;
                    }
                } catch (Exception notYet) {
                    // starting
                }
                sleep();
            }
            throw new IllegalStateException("Kafka cluster not ready after " + timeout + "; see " + directory);
        }

        private static Process runIn(Path node, List<String> arguments, Path log) {
            return launch(node, arguments, log);
        }
    }

    /**
     * A test broker carries a few thousand small records: the client JIT alone (C1) and the serial
     * collector start it with less CPU on a 2-core machine than the server defaults.
     */
    private static List<String> brokerArguments(Path serverProperties) {
        return List.of("-Xms128m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "kafka.Kafka", serverProperties.toString());
    }

    /** SIGTERM (a broker's controlled shutdown), then SIGKILL if it takes longer than 20 s; null: nothing to stop. */
    private static void stopGracefully(Process process) {
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
