package de.nrw.activation.platform.idempotency;

import de.nrw.activation.testsupport.SuiteTestResource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R__platform_tables.sql on a database from before the idempotency scope (the table keyed by
 * principal only, with answers stored): Flyway brings it up to date without losing an answer,
 * and running the script again changes nothing.
 */
class PlatformTablesMigrationTest {

    private static final String DATABASE = SuiteTestResource.databaseName("platform_migration_test");
    private static final String PARTICIPANT = "6f1c2f5e-3c1d-4b7a-9a52-0c1b2d3e4f50";
    private static final String OUTCOME = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SuiteTestResource.jdbcUrl(database), env("PGUSER", "postgres"),
                env("PGPASSWORD", ""));
    }

    @BeforeEach
    void databaseFromBeforeTheScope() throws SQLException {
        try (Connection postgres = connect("postgres"); Statement sql = postgres.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection db = connect(DATABASE); Statement sql = db.createStatement()) {
            // the table as the previous R__platform_tables.sql created it
            sql.execute("CREATE TABLE idempotency_record (principal text NOT NULL, idem_key text NOT NULL, "
                    + "request_hash text NOT NULL, status int NOT NULL, location text, etag text, body text, "
                    + "created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (principal, idem_key))");
            sql.execute("INSERT INTO idempotency_record (principal, idem_key, request_hash, status, body) VALUES "
                    + "('staff-herne', 'k1', 'h1', 201, '{\"id\":\"" + PARTICIPANT + "\",\"jobcenterId\":\"herne\","
                    + "\"lastName\":\"Mustermann\"}'), "
                    + "('staff-herne', 'k2', 'h2', 201, '{\"id\":\"" + OUTCOME + "\",\"participantId\":\"" + PARTICIPANT
                    + "\",\"jobcenterId\":\"herne\",\"employer\":\"Musterbau\"}'), "
                    + "('state-coordinator', 'k3', 'h3', 201, '{\"id\":\"phase-1\"}'), "
                    + "('staff-herne', 'k4', 'h4', 201, '[1, 2]'), "
                    + "('staff-herne', 'k5', 'h5', 204, NULL)");
        }
    }

    private static List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = connect(DATABASE); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT idem_key, jobcenter_id, subject, body IS NOT NULL "
                     + "FROM idempotency_record ORDER BY idem_key")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getBoolean(4));
            }
        }
        return rows;
    }

    private static String primaryKey() throws SQLException {
        try (Connection db = connect(DATABASE); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT string_agg(a.attname, ',' ORDER BY k.ord) "
                     + "FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) "
                     + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                     + "WHERE i.indrelid = 'idempotency_record'::regclass AND i.indisprimary")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void migrate() {
        Flyway.configure()
                .dataSource(SuiteTestResource.jdbcUrl(DATABASE), env("PGUSER", "postgres"), env("PGPASSWORD", ""))
                .locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
    }

    @Test
    void anExistingTableGetsTheScopeAndTheSubjectAndKeepsEveryStoredAnswer() throws SQLException {
        migrate();

        assertThat(primaryKey()).isEqualTo("jobcenter_id,principal,idem_key");
        assertThat(rows()).containsExactly(
                "k1|herne|" + PARTICIPANT + "|true",
                "k2|herne|" + PARTICIPANT + "|true",
                "k3||null|true",
                "k4||null|true",
                "k5||null|false");
    }

    @Test
    void runningTheScriptAgainChangesNothing() throws SQLException, IOException {
        migrate();
        List<String> before = rows();
        String script;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/R__platform_tables.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection db = connect(DATABASE); Statement sql = db.createStatement()) {
            sql.execute(script);
        }
        assertThat(rows()).isEqualTo(before);
        assertThat(primaryKey()).isEqualTo("jobcenter_id,principal,idem_key");
    }
}
