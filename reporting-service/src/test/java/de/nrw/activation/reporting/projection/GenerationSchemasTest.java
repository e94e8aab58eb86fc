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

    @Test
    void aGenerationLackingTemplateColumnsGetsThemWithTheirDefaults() {
        String schema = ProjectionGeneration.schemaOf(900_000 + (int) (Math.random() * 99_999));
        UUID participation = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                schemas.lock();
                schemas.create(schema);
            });
            // as a generation of before the lifecycle migration
            Rows.execute(db, "ALTER TABLE " + schema + ".participation DROP COLUMN withdrawn, DROP COLUMN transferred_on");
            Rows.execute(db, "INSERT INTO " + schema + ".participation (participation_id, participant_id) VALUES (?, ?)",
                    participation, UUID.randomUUID());

            QuarkusTransaction.requiringNew().run(() -> {
                schemas.lock();
                schemas.addMissing(schema);
            });

            assertThat(Rows.one(db, "SELECT withdrawn, transferred_on FROM " + schema
                    + ".participation WHERE participation_id = ?", participation))
                    .containsEntry("withdrawn", false).containsEntry("transferred_on", null);
            assertThat(Rows.one(db, "SELECT is_nullable, column_default FROM information_schema.columns "
                    + "WHERE table_schema = ? AND table_name = 'participation' AND column_name = 'withdrawn'", schema))
                    .containsEntry("is_nullable", "NO").containsEntry("column_default", "false");
            // nothing else was missing: a second start adds nothing
            QuarkusTransaction.requiringNew().run(() -> {
                schemas.lock();
                schemas.addMissing(schema);
            });
            assertThat(Rows.count(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema = ?", schema))
                    .isEqualTo(Rows.count(db, "SELECT count(*) FROM information_schema.columns "
                            + "WHERE table_schema = 'read_model_template'"));
        } finally {
            schemas.drop(schema);
        }
    }
}
