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
        WhereaboutsRow whereabouts = WhereaboutsRow.of("herne", counts(WhereaboutsRow.COUNTS, 10));
        SustainabilityRow sustainability = SustainabilityRow.of("herne", counts(SustainabilityRow.COUNTS, 10));
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
    void theGermanCsvWritesAQualificationKeyAsJaNeinAndAQuotaOfNothingEmpty() {
        WhereaboutsRow qualified = WhereaboutsRow.of("true", counts(WhereaboutsRow.COUNTS, 10));
        WhereaboutsRow none = WhereaboutsRow.of("false", counts(WhereaboutsRow.COUNTS, 0));
        Report<WhereaboutsRow> report = new Report<>("PHASE_1", "vocationalQualification", null, null, null, true,
                List.of(qualified, none), qualified);
        List<String> lines = CsvExport.of(report, JSON, true).lines().skip(1).toList();
        assertThat(lines.get(0)).startsWith("ja,10,");
        assertThat(lines.get(1)).startsWith("nein,0,").contains(",,");
        assertThat(none.integrationQuota()).isNull();
        assertThat(CsvExport.of(report, JSON).lines().skip(1).findFirst().orElseThrow()).startsWith("true,10,");
    }

    @Test
    void aShareIsNeverAboveOneWhenPerturbedCountsCrossEachOther() {
        Map<String, Long> counts = counts(WhereaboutsRow.COUNTS, 3);
        counts.put("integrations", 4L);
        WhereaboutsRow row = WhereaboutsRow.of("herne", counts);
        assertThat(row.integrationQuota()).isEqualByComparingTo("1");
        assertThat(row.integrationQuotaPercent()).isEqualTo(100);
        assertThat(row.integrations()).isEqualTo(4);
    }
}
