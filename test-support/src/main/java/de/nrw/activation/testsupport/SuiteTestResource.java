package de.nrw.activation.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The real infrastructure of a service's tests: a fresh PostgreSQL database (dropped and
 * created once per test JVM, named by the {@code database} init arg) and one real Kafka
 * broker shared by all tests of the module, with the suite's topics created up front.
 * PostgreSQL is found through PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres);
 * TEST_DB_PREFIX (default none) goes in front of every database name.
 */
public class SuiteTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private static final java.util.Set<String> createdDatabases = new java.util.HashSet<>();

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = databaseName(initArgs.getOrDefault("database", database));
    }

    /**
     * A test database's name, with the optional {@code TEST_DB_PREFIX} from the environment in
     * front, so that two test runs on one machine (two checkouts) never share a database.
     */
    public static String databaseName(String name) {
        return env("TEST_DB_PREFIX", "") + name;
    }

    @Override
    public Map<String, String> start() {
        recreateDatabase(database);
        KafkaBroker kafka = broker();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.username", user());
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM (a shutdown hook stops it), so a Quarkus
        // restart between test classes does not pay its start-up again.
    }

    /** The module's broker, started on first use. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.launch();
            broker.createTopics(KafkaBroker.SUITE_TOPICS, 3);
        }
        return broker;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/" + database;
    }

    private static String user() {
        return env("PGUSER", "postgres");
    }

    private static synchronized void recreateDatabase(String name) {
        if (createdDatabases.add(name)) {
            dropAndCreate(name);
        }
    }

    /** Drops the database (closing its connections) and creates it empty. */
    public static void dropAndCreate(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Bad database name " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), env("PGPASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name
                    + " (is PostgreSQL running on " + jdbcUrl("postgres") + "?)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
