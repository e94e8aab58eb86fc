package de.nrw.activation.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as CSV (RFC 4180, written by Jackson's CSV module): a header row, one line per key,
 * the total last. The columns are the JSON row's fields, nested objects flattened into their
 * fields; a figure that does not exist (a quota of nothing) is empty. The figures are the
 * report's: perturbed for the coordinator, exactly as in the JSON.
 */
final class CsvExport {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvExport() { }

    static String of(Report<?> report, ObjectMapper json) {
        return of(report, json, false);
    }

    /** {@code german}: German column titles and ja/nein (the dashboard's download). */
    static String of(Report<?> report, ObjectMapper json, boolean german) {
        List<Object> all = new ArrayList<>(report.rows());
        all.add(report.total());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Object row : all) {
            ObjectNode node = json.valueToTree(row);
            Map<String, Object> line = new LinkedHashMap<>();
            flatten(node, "", line);
            lines.add(german ? inGerman(line) : line);
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        lines.get(0).keySet().forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try {
            CSV.writer(schema.build()).writeValues(out).writeAll(lines).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Nested objects become columns of their own: {@code integrationKinds}' fields under their own
     * names (as the CSV always had them), any later object's as {@code object.field}
     * ({@code exitsByReason.other}: the row has an {@code other} of its own).
     */
    private static void flatten(JsonNode node, String prefix, Map<String, Object> line) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            String column = prefix + field.getKey();
            if (value.isObject()) {
                flatten(value, field.getKey().equals("integrationKinds") ? "" : column + ".", line);
            } else if (value.isNull()) {
                line.put(column, "");
            } else if (value.isBigDecimal() || value.isDouble()) {
                line.put(column, value.decimalValue().toPlainString());
            } else {
                line.put(column, value.asText());
            }
        }
    }

    private static Map<String, Object> inGerman(Map<String, Object> line) {
        Map<String, Object> german = new LinkedHashMap<>();
        line.forEach((column, value) -> german.put(GermanCsv.title(column), switch (String.valueOf(value)) {
            case "true" -> GermanCsv.YES;
            case "false" -> GermanCsv.NO;
            default -> value;
        }));
        return german;
    }
}
