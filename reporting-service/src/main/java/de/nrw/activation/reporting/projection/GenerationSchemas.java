package de.nrw.activation.reporting.projection;

import de.nrw.activation.reporting.confidentiality.RecordKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The DDL of a read model generation: its schema {@code rm_<n>} holds one table per template
 * table in schema {@code read_model_template} (Flyway migrations keep the templates). A schema
 * made before a later migration gets the tables and columns it lacks at start-up; a rebuild
 * makes a schema from the current templates. Schema names come only from
 * {@link ProjectionGeneration#schemaOf(int)} (digits), never from input.
 *
 * <p>Everything except {@link #drop} runs in the caller's transaction, after {@link #lock}.
 */
@ApplicationScoped
public class GenerationSchemas {

    private static final Logger LOG = Logger.getLogger(GenerationSchemas.class);
    private static final long DDL_LOCK = 0x8E9047L;
    private static final String TEMPLATE = "read_model_template";

    @Inject
    EntityManager em;

    @Inject
    RecordKeys recordKeys;

    /** Serialises generation DDL and switches across instances, until the transaction ends. */
    void lock() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")").getSingleResult();
    }

    /** A new, empty schema with every template table. */
    void create(String schema) {
        em.createNativeQuery("DROP SCHEMA IF EXISTS " + schema + " CASCADE").executeUpdate();
        em.createNativeQuery("CREATE SCHEMA " + schema).executeUpdate();
        for (String table : templateTables()) {
            createTable(schema, table);
        }
    }

    /**
     * Adds what later migrations put into the templates: missing tables (a new summary is filled
     * from the generation's participations) and missing columns (with their type, default and
     * NOT NULL; facts the generation never saw stay at the default until a rebuild).
     */
    void addMissing(String schema) {
        @SuppressWarnings("unchecked")
        List<String> missing = em.createNativeQuery("SELECT t.table_name FROM information_schema.tables t "
                        + "WHERE t.table_schema = '" + TEMPLATE + "' AND NOT EXISTS (SELECT 1 FROM information_schema.tables g "
                        + "WHERE g.table_schema = :schema AND g.table_name = t.table_name) ORDER BY t.table_name")
                .setParameter("schema", schema).getResultList();
        for (String table : missing) {
            LOG.infof("Adding table %s to read model %s", table, schema);
            createTable(schema, table);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> columns = em.createNativeQuery("""
                SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid),
                       a.attnotnull
                  FROM pg_attribute a
                  JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
                  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = :template
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE a.attnum > 0 AND NOT a.attisdropped
                   AND NOT EXISTS (SELECT 1 FROM information_schema.columns g WHERE g.table_schema = :schema
                                      AND g.table_name = c.relname AND g.column_name = a.attname)
                 ORDER BY c.relname, a.attnum
                """).setParameter("template", TEMPLATE).setParameter("schema", schema).getResultList();
        for (Object[] column : columns) {
            String table = (String) column[0];
            String name = (String) column[1];
            LOG.infof("Adding column %s.%s to read model %s", table, name, schema);
            em.createNativeQuery("ALTER TABLE " + schema + "." + quoted(table) + " ADD COLUMN " + quoted(name) + " "
                    + column[2] + (column[3] == null ? "" : " DEFAULT " + column[3])
                    + (Boolean.TRUE.equals(column[4]) ? " NOT NULL" : "")).executeUpdate();
        }
        // participations of a generation made before the record keys (V6): keys computed here
        em.unwrap(Session.class).doWork(connection -> addRecordKeys(connection, schema));
        if (missing.contains("participation_summary")) {
            em.unwrap(Session.class).doWork(connection -> Summary.addAll(connection, schema));
        }
    }

    private void addRecordKeys(Connection connection, String schema) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (var statement = connection.prepareStatement("SELECT participation_id FROM " + schema
                + ".participation WHERE record_key IS NULL");
             var rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        LOG.infof("Computing the record keys of %d participations of read model %s", ids.size(), schema);
        Long[] keys = ids.stream().map(recordKeys::of).toArray(Long[]::new);
        try (var statement = connection.prepareStatement("UPDATE " + schema + ".participation p SET record_key = k.key"
                + " FROM unnest(?::uuid[], ?::bigint[]) AS k(id, key) WHERE p.participation_id = k.id")) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", keys));
            statement.executeUpdate();
        }
    }

    /** Whether the schema exists (in the caller's transaction). */
    boolean exists(String schema) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = :schema")
                .setParameter("schema", schema).getSingleResult()).longValue() > 0;
    }

    /** Drops a retired generation's schema in a transaction of its own; a failure is logged, not thrown. */
    void drop(String schema) {
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery("DROP SCHEMA IF EXISTS " + schema + " CASCADE").executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot drop the schema %s of a retired generation (%s)", schema, e.getClass().getSimpleName());
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> templateTables() {
        return em.createNativeQuery("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = '" + TEMPLATE + "' ORDER BY table_name").getResultList();
    }

    private void createTable(String schema, String table) {
        em.createNativeQuery("CREATE TABLE " + schema + "." + quoted(table)
                + " (LIKE " + TEMPLATE + "." + quoted(table) + " INCLUDING ALL)").executeUpdate();
    }

    /** Names read from the catalogue of our own template schema, quoted all the same. */
    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
