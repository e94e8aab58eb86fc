package de.nrw.activation.reporting.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV the dashboard downloads ({@code lang=de}): every column of the three reports has a
 * German title, and the default CSV keeps the contract's field names. Plain JUnit, no Quarkus.
 */
class GermanCsvTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static Map<String, Long> counts(List<String> names, long value) {
        Map<String, Long> counts = new LinkedHashMap<>();
        names.forEach(name -> counts.put(name, value));
        return counts;
    }

    private static <R> Report<R> report(R row, R total) {
        return new Report<>("PHASE_1", "jobcenter", null, null, null, true, List.of(row), total);
    }

    private static List<String> header(String csv) {
        try (MappingIterator<List<String>> lines = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv)) {
            return lines.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyColumnOfEveryReportHasAGermanTitle() {
        WhereaboutsRow whereabouts = WhereaboutsRow.of("herne", counts(WhereaboutsRow.COUNTS, 10), true);
        SustainabilityRow sustainability = SustainabilityRow.of("herne", counts(SustainabilityRow.COUNTS, 10), true);
        List<Report<?>> reports = List.of(report(whereabouts, whereabouts), report(sustainability, sustainability),
                StructureRow.of(report(whereabouts, whereabouts)));
        for (Report<?> report : reports) {
            List<String> english = header(CsvExport.of(report, JSON));
            List<String> german = header(CsvExport.of(report, JSON, true));
            assertThat(german).hasSameSizeAs(english);
            for (int i = 0; i < english.size(); i++) {
                assertThat(german.get(i)).as(english.get(i)).isEqualTo(GermanCsv.TITLES.get(english.get(i)));
            }
        }
        assertThat(header(CsvExport.of(reports.get(0), JSON))).contains("provisional", "exitsByReason.completed",
                "exitsByReason.groupCancelled", "dropoutRate", "dropoutRatePercent", "employment", "other");
        assertThat(header(CsvExport.of(reports.get(1), JSON))).contains("checkedAtMonth12", "stillIntegratedAtMonth12",
                "sustainability12", "sustainability12Percent", "integrated", "exitsByReason.integrated");
    }

    @Test
    void theGermanCsvMarksSuppressedFiguresAsGesperrtAndFlagsAsJaNein() {
        Map<String, Long> counts = counts(WhereaboutsRow.COUNTS, 10);
        counts.put("exitsDropout", 2L);
        WhereaboutsRow row = WhereaboutsRow.of("herne", counts, true);
        String csv = CsvExport.of(report(row, row), JSON, true);
        String line = csv.lines().skip(1).findFirst().orElseThrow();
        assertThat(line).contains("unterdrückt").endsWith(",ja");
        assertThat(row.dropoutRate()).isNull();
        assertThat(row.exitsByReason().dropout()).isNull();
        assertThat(row.suppressedFields()).contains("exitsByReason.dropout", "dropoutRate", "dropoutRatePercent");
        assertThat(CsvExport.of(report(row, row), JSON)).contains("suppressed");
    }
}
