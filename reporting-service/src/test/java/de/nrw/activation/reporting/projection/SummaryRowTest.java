package de.nrw.activation.reporting.projection;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary's cells computed in memory, without a database: the cell of a row as the summary
 * stores it (unknown values 'UNKNOWN', the qualification as PostgreSQL writes a boolean, the
 * entry month 'YYYY-MM'), the counts and key sums per measure, uncounted rows left out.
 */
class SummaryRowTest {

    private static SummaryRow row(String category, Boolean qualified, LocalDate entry, LocalDate exit, Long key) {
        return new SummaryRow("PHASE_1", "jc-a", null, "AGE_25_TO_49", null, "EXISTING", "CLOSE", qualified, entry, exit,
                exit == null ? null : "DROPOUT", false, key, category, false, null, false, false, null, null);
    }

    private static long count(long[] counts, Measure measure) {
        return counts[Measure.SUMMARY_COLUMNS.indexOf(measure)];
    }

    private static long keys(long[] counts, Measure measure) {
        return counts[Measure.SUMMARY_COLUMNS.size() + Measure.SUMMARY_COLUMNS.indexOf(measure)];
    }

    @Test
    void aCellIsTheDimensionsAsStoredAndTheEntryMonth() {
        assertThat(row("OPEN", true, LocalDate.of(2012, 3, 31), null, 1L).cell()).containsExactly("PHASE_1", "jc-a",
                "UNKNOWN", "AGE_25_TO_49", "UNKNOWN", "EXISTING", "CLOSE", "true", "2012-03");
        assertThat(row("OPEN", false, LocalDate.of(2012, 11, 1), null, 1L).cell().subList(7, 9))
                .containsExactly("false", "2012-11");
        assertThat(row("OPEN", null, LocalDate.of(812, 1, 1), null, 1L).cell().subList(7, 9))
                .containsExactly("UNKNOWN", "0812-01");
    }

    @Test
    void theCellsCountEachMeasureAndSumTheRecordKeysOfTheRowsItHoldsFor() {
        LocalDate march = LocalDate.of(2012, 3, 5);
        Map<List<String>, long[]> cells = Summary.cells(List.of(
                row("OPEN", true, march, null, 10L),
                row("DROPOUT", true, march.plusDays(20), march.plusDays(30), 100L),
                row("DROPOUT", true, march.plusDays(1), march.plusDays(2), null),
                row(null, true, march, march.plusDays(2), 1000L),
                row("OPEN", true, march.plusMonths(1), null, 5L)));

        assertThat(cells).hasSize(2);
        long[] inMarch = cells.get(row("OPEN", true, march, null, 0L).cell());
        assertThat(count(inMarch, Measure.N)).isEqualTo(3);
        assertThat(keys(inMarch, Measure.N)).isEqualTo(110);
        assertThat(count(inMarch, Measure.OPEN)).isEqualTo(1);
        assertThat(keys(inMarch, Measure.OPEN)).isEqualTo(10);
        assertThat(count(inMarch, Measure.DROPOUTS)).isEqualTo(2);
        assertThat(keys(inMarch, Measure.DROPOUTS)).isEqualTo(100);
        assertThat(count(inMarch, Measure.EXITS_DROPOUT)).isEqualTo(2);
        assertThat(count(inMarch, Measure.ENDED)).isEqualTo(2);
        assertThat(count(inMarch, Measure.CLOSE_TO_LABOUR_MARKET)).isEqualTo(3);
        assertThat(count(inMarch, Measure.QUALIFIED)).isEqualTo(3);
        assertThat(count(inMarch, Measure.INTEGRATIONS)).isZero();
        long[] inApril = cells.get(row("OPEN", true, march.plusMonths(1), null, 0L).cell());
        assertThat(count(inApril, Measure.N)).isEqualTo(1);
        assertThat(keys(inApril, Measure.N)).isEqualTo(5);
    }

    @Test
    void aReclassifiedRowTakesTheResultsDerivedColumns() {
        SummaryRow stored = row(null, true, LocalDate.of(2012, 3, 5), LocalDate.of(2012, 4, 1), 3L);
        SummaryRow after = stored.classified(new Classification.Result(Category.INTEGRATION, true,
                de.nrw.activation.contract.OutcomeKind.EMPLOYMENT, true, false,
                de.nrw.activation.contract.OutcomeKind.EMPLOYMENT, null));

        assertThat(after.counted()).isTrue();
        assertThat(after.cell()).isEqualTo(stored.cell());
        assertThat(Measure.TEMPORARY_AGENCY.holdsFor(after)).isTrue();
        assertThat(Measure.FIXED_TERM.holdsFor(after)).isFalse();
        assertThat(Measure.STILL_INTEGRATED.holdsFor(after)).isTrue();
        assertThat(Measure.CHECKED_AT_MONTH12.holdsFor(after)).isFalse();
        assertThat(Measure.FAST_INTEGRATIONS.holdsFor(after)).isTrue();
    }

    @Test
    void onlyTheDerivedColumnsDecideWhetherAReclassifiedRowIsWrittenAgain() {
        SummaryRow stored = row("OPEN", true, LocalDate.of(2012, 3, 5), null, 3L);
        Classification.Result open = new Classification.Result(Category.OPEN, false, null, false, false, null, null);
        assertThat(stored.classified(open).sameDerivedColumns(stored)).isTrue();
        // facts are not derived: another exit or key does not make the row differ
        assertThat(row("OPEN", false, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 2, 1), 9L).sameDerivedColumns(stored))
                .isTrue();
        for (Classification.Result changed : List.of(
                new Classification.Result(Category.DROPOUT, false, null, false, false, null, null),
                new Classification.Result(null, false, null, false, false, null, null),
                new Classification.Result(Category.OPEN, true, null, false, false, null, null),
                new Classification.Result(Category.OPEN, false, de.nrw.activation.contract.OutcomeKind.MINIJOB, false, false,
                        null, null),
                new Classification.Result(Category.OPEN, false, null, true, false, null, null),
                new Classification.Result(Category.OPEN, false, null, false, true, null, null),
                new Classification.Result(Category.OPEN, false, null, false, false,
                        de.nrw.activation.contract.OutcomeKind.OTHER, null),
                new Classification.Result(Category.OPEN, false, null, false, false, null,
                        de.nrw.activation.contract.OutcomeKind.OTHER))) {
            assertThat(stored.classified(changed).sameDerivedColumns(stored)).as(changed.toString()).isFalse();
        }
    }
}
