package de.nrw.activation.reporting.projection;

import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generation made before a migration added template columns gets them at start-up, with
 * their defaults, so its projection can write the new facts (a rebuild then fills them).
 */
@QuarkusTest
class GenerationSchemasTest {

    @Inject
    GenerationSchemas schemas;

    @Inject
    AgroalDataSource db;

    @Inject
    de.nrw.activation.reporting.confidentiality.RecordKeys recordKeys;

    @Test
    void aGenerationOfBeforeTheRecordKeysGetsThemAndItsSummaryWithKeySums() {
        String schema = ProjectionGeneration.schemaOf(900_000 + (int) (Math.random() * 99_999));
        UUID participation = UUID.randomUUID();
        try {
            inTransaction(() -> schemas.create(schema));
            // as a generation of before migration V6: no record keys, its summary dropped by the migration
            Rows.execute(db, "ALTER TABLE " + schema + ".participation DROP COLUMN record_key");
            Rows.execute(db, "DROP TABLE " + schema + ".participation_summary");
            Rows.execute(db, "INSERT INTO " + schema + ".participation (participation_id, participant_id, jobcenter_id, "
                    + "phase_id, entry_date, category) VALUES (?, ?, 'jc-a', 'PHASE_1', DATE '2025-03-04', 'OPEN')",
                    participation, UUID.randomUUID());

            inTransaction(() -> schemas.addMissing(schema));

            long key = recordKeys.of(participation);
            assertThat(Rows.one(db, "SELECT record_key FROM " + schema + ".participation WHERE participation_id = ?",
                    participation)).containsEntry("record_key", key);
            assertThat(Rows.one(db, "SELECT n, n_keys, open, open_keys, integrations, integrations_keys FROM " + schema
                    + ".participation_summary WHERE jobcenter_id = 'jc-a'"))
                    .containsEntry("n", 1L).containsEntry("n_keys", key).containsEntry("open", 1L)
                    .containsEntry("open_keys", key).containsEntry("integrations", 0L).containsEntry("integrations_keys", 0L);
            assertThat(Rows.count(db, Summary.differences(schema))).isZero();
        } finally {
            schemas.drop(schema);
        }
    }

    @Test
    void aGenerationLackingTemplateColumnsGetsThemWithTheirDefaults() {
        String schema = ProjectionGeneration.schemaOf(900_000 + (int) (Math.random() * 99_999));
        UUID participation = UUID.randomUUID();
        try {
            inTransaction(() -> schemas.create(schema));
            // as a generation of before the lifecycle migration
            Rows.execute(db, "ALTER TABLE " + schema + ".participation DROP COLUMN withdrawn, DROP COLUMN transferred_on");
            Rows.execute(db, "INSERT INTO " + schema + ".participation (participation_id, participant_id) VALUES (?, ?)",
                    participation, UUID.randomUUID());

            inTransaction(() -> schemas.addMissing(schema));

            assertThat(Rows.one(db, "SELECT withdrawn, transferred_on FROM " + schema
                    + ".participation WHERE participation_id = ?", participation))
                    .containsEntry("withdrawn", false).containsEntry("transferred_on", null);
            assertThat(Rows.one(db, "SELECT is_nullable, column_default FROM information_schema.columns "
                    + "WHERE table_schema = ? AND table_name = 'participation' AND column_name = 'withdrawn'", schema))
                    .containsEntry("is_nullable", "NO").containsEntry("column_default", "false");
            // nothing else was missing: a second start adds nothing
            inTransaction(() -> schemas.addMissing(schema));
            assertThat(Rows.count(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema = ?", schema))
                    .isEqualTo(Rows.count(db, "SELECT count(*) FROM information_schema.columns "
                            + "WHERE table_schema = 'read_model_template'"));
        } finally {
            schemas.drop(schema);
        }
    }

    /** As the projection does it: under the generations' lock, in a transaction of its own. */
    private void inTransaction(Runnable change) {
        QuarkusTransaction.requiringNew().run(() -> {
            schemas.lock();
            change.run();
        });
    }
}
