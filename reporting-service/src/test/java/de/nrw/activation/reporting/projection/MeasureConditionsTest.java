package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.ProviderType;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.LabourMarketDistance;
import de.nrw.activation.contract.OutcomeKind;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measures' Java predicates ({@link Measure#holdsFor}, what the projection computes the
 * summary cells with) against their SQL conditions ({@link Measure#condition}, what the reports
 * and {@link Summary#differences} count with), on rows of a real participation table with every
 * column drawn from its values and NULL: row by row, and as whole summaries.
 */
@QuarkusTest
class MeasureConditionsTest {

    private static final int PARTICIPANTS = 200;
    private static final int ROWS_EACH = 8;

    @Inject
    GenerationSchemas schemas;

    @Inject
    AgroalDataSource db;

    private String schema;
    private final List<UUID> participants = new ArrayList<>();
    private final Random random = new Random(16_15);

    @BeforeEach
    void generation() throws SQLException {
        schema = ProjectionGeneration.schemaOf(900_000 + (int) (Math.random() * 99_999));
        QuarkusTransaction.requiringNew().run(() -> {
            schemas.lock();
            schemas.create(schema);
        });
        for (int i = 0; i < PARTICIPANTS; i++) {
            participants.add(UUID.randomUUID());
        }
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO " + schema
                + ".participation (participation_id, participant_id, phase_id, jobcenter_id, provider_type, age_band, "
                + "gender, customer_type, labour_market_distance, vocational_qualification, entry_date, exit_date, "
                + "exit_reason, group_cancelled, record_key, category, fast_integration, integration_kind, "
                + "temporary_agency, fixed_term, month6_status, month12_status, withdrawn) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (UUID participant : participants) {
                for (int i = 0; i < ROWS_EACH; i++) {
                    String category = pick(Category.values());
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, participant);
                    insert.setString(3, oneOf("PHASE_1", "PHASE_2", null));
                    insert.setString(4, oneOf("jc-a", "jc-b", null));
                    insert.setString(5, pick(ProviderType.values()));
                    insert.setString(6, pick(AgeBand.values()));
                    insert.setString(7, pick(Gender.values()));
                    insert.setString(8, pick(CustomerType.values()));
                    insert.setString(9, pick(LabourMarketDistance.values()));
                    insert.setObject(10, oneOf(Boolean.TRUE, Boolean.FALSE, null), Types.BOOLEAN);
                    // a classified participation always has an entry date
                    LocalDate entry = category == null && random.nextInt(3) == 0 ? null
                            : LocalDate.of(2011 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
                    insert.setObject(11, entry);
                    insert.setObject(12, random.nextBoolean() || entry == null ? null : entry.plusDays(random.nextInt(60)));
                    insert.setString(13, pick(ExitReason.values()));
                    insert.setBoolean(14, random.nextInt(4) == 0);
                    insert.setObject(15, random.nextInt(6) == 0 ? null : (long) random.nextInt(1 << 20), Types.BIGINT);
                    insert.setString(16, category);
                    insert.setBoolean(17, random.nextBoolean());
                    insert.setString(18, pick(OutcomeKind.values()));
                    insert.setBoolean(19, random.nextBoolean());
                    insert.setBoolean(20, random.nextBoolean());
                    insert.setString(21, pick(OutcomeKind.values()));
                    insert.setString(22, pick(OutcomeKind.values()));
                    insert.setBoolean(23, category == null && random.nextBoolean());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @AfterEach
    void drop() {
        schemas.drop(schema);
    }

    @Test
    void everyPredicateHoldsExactlyWhereItsSqlConditionIsTrue() throws SQLException {
        Measure[] measures = Measure.values();
        StringBuilder select = new StringBuilder("SELECT " + SummaryRow.COLUMNS);
        for (Measure m : measures) {
            select.append(", (").append(m.condition()).append(") IS TRUE");
        }
        Map<Measure, int[]> trueFalse = new EnumMap<>(Measure.class);
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        try (Connection c = db.getConnection(); PreparedStatement statement = c.prepareStatement(select + " FROM "
                + schema + ".participation"); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows++;
                SummaryRow row = SummaryRow.read(rs, 1);
                for (int i = 0; i < measures.length; i++) {
                    boolean sql = rs.getBoolean(SummaryRow.WIDTH + 1 + i);
                    trueFalse.computeIfAbsent(measures[i], k -> new int[2])[sql ? 0 : 1]++;
                    if (measures[i].holdsFor(row) != sql) {
                        mismatches.add(measures[i] + " on " + row + ": SQL " + sql);
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(PARTICIPANTS * ROWS_EACH);
        assertThat(mismatches).isEmpty();
        // every condition is true on some rows and false on others (N: true on all), so the comparison means something
        trueFalse.forEach((m, counts) -> {
            assertThat(counts[0]).as(m + " true").isPositive();
            if (m != Measure.N) {
                assertThat(counts[1]).as(m + " false").isPositive();
            }
        });
    }

    @Test
    void theCellsComputedInMemoryAreTheSqlAggregateOfTheParticipations() throws SQLException {
        try (Connection c = db.getConnection()) {
            List<SummaryRow> rows = Summary.rows(c, schema, participants);
            assertThat(rows).hasSize((int) Rows.count(db, "SELECT count(*) FROM " + schema
                    + ".participation WHERE category IS NOT NULL")).allMatch(SummaryRow::counted);
            Summary.applyDelta(c, schema, Map.of(), Summary.cells(rows));
        }
        assertThat(Rows.count(db, "SELECT count(*) FROM " + schema + ".participation_summary")).isPositive();
        assertThat(Rows.count(db, Summary.differences(schema))).isZero();
    }

    @Test
    void aDeltaBetweenTwoStatesInMemoryKeepsTheSummaryEqualToTheParticipations() throws SQLException {
        List<UUID> changed = participants.subList(0, PARTICIPANTS / 4);
        try (Connection c = db.getConnection()) {
            Summary.applyDelta(c, schema, Map.of(), Summary.cells(Summary.rows(c, schema, participants)));
            Map<List<String>, long[]> before = Summary.cells(Summary.rows(c, schema, changed));
            // what a batch does: changes facts and categories, some participations become counted or uncounted
            try (PreparedStatement update = c.prepareStatement("UPDATE " + schema + ".participation SET category = CASE WHEN category IS NULL THEN 'OPEN' "
                    + "WHEN category = 'OPEN' THEN NULL ELSE 'INTEGRATION' END, integration_kind = 'EMPLOYMENT', "
                    + "exit_date = coalesce(exit_date, entry_date), exit_reason = 'DROPOUT', month6_status = NULL, "
                    + "entry_date = coalesce(entry_date + 40, DATE '2012-06-30'), gender = NULL, record_key = 7 "
                    + "WHERE participant_id = ANY (?)")) {
                update.setArray(1, c.createArrayOf("uuid", changed.toArray(new UUID[0])));
                assertThat(update.executeUpdate()).isEqualTo(changed.size() * ROWS_EACH);
            }
            Summary.applyDelta(c, schema, before, Summary.cells(Summary.rows(c, schema, changed)));
        }
        assertThat(Rows.count(db, Summary.differences(schema))).isZero();
    }

    private <T> T oneOf(T a, T b, T c) {
        int i = random.nextInt(3);
        return i == 0 ? a : i == 1 ? b : c;
    }

    /** One of the enum's names, or NULL (one time in {@code values.length + 1}). */
    private String pick(Enum<?>[] values) {
        int i = random.nextInt(values.length + 1);
        return i == values.length ? null : values[i].name();
    }
}
