package de.nrw.activation.platform.jdbc;

import de.nrw.activation.platform.testapp.Thing;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain statements on the transaction's connection: committed with it, rolled back with it. */
@QuarkusTest
class TransactionSqlTest {

    private static final String INSERT = "INSERT INTO thing (id, jobcenter_id, name, kind) VALUES (?, ?, ?, ?)";

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource db;

    @Test
    void anInsertIsCommittedWithItsTransactionAndBindsEnumsByName() {
        UUID id = UUID.randomUUID();
        int changed = QuarkusTransaction.requiringNew().call(() ->
                TransactionSql.update(em, INSERT, id, "herne", "Plain", Thing.Kind.LARGE));

        assertThat(changed).isEqualTo(1);
        Map<String, Object> row = Rows.one(db, "SELECT jobcenter_id, name, kind FROM thing WHERE id = ?", id);
        assertThat(row).containsEntry("jobcenter_id", "herne").containsEntry("name", "Plain").containsEntry("kind", "LARGE");
    }

    @Test
    void anInsertIsRolledBackWithItsTransaction() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.begin();
        try {
            TransactionSql.update(em, INSERT, id, "herne", "Gone", Thing.Kind.SMALL);
            assertThat(TransactionSql.exists(em, "SELECT 1 FROM thing WHERE id = ?", id)).isTrue();
        } finally {
            QuarkusTransaction.rollback();
        }

        assertThat(Rows.count(db, "SELECT count(*) FROM thing WHERE id = ?", id)).isZero();
    }

    @Test
    void aDuplicateKeyIsAnsweredFalseNotThrown() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> TransactionSql.update(em, INSERT, id, "herne", "First", Thing.Kind.SMALL));

        boolean inserted;
        QuarkusTransaction.begin();
        try {
            inserted = TransactionSql.insertUnlessDuplicate(em, INSERT, id, "herne", "Second", Thing.Kind.SMALL);
        } finally {
            QuarkusTransaction.rollback(); // what the caller does on false: answer a conflict, keep nothing
        }

        assertThat(inserted).isFalse();
        assertThat(Rows.one(db, "SELECT name FROM thing WHERE id = ?", id)).containsEntry("name", "First");
    }

    @Test
    void anInstantIsBoundAsATimestampWithTimeZone() {
        Instant at = Instant.parse("2012-03-05T08:00:00Z");
        boolean same = QuarkusTransaction.requiringNew().call(() -> TransactionSql.exists(em,
                "SELECT 1 WHERE ? = '2012-03-05 09:00:00+01'::timestamptz", at));

        assertThat(same).isTrue();
    }
}
