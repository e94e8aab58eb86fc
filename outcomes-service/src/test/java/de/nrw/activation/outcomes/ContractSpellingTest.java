package de.nrw.activation.outcomes;

import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.contract.AttendanceStatus;
import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.GroupChange;
import de.nrw.activation.contract.GroupStatus;
import de.nrw.activation.contract.LabourMarketDistance;
import de.nrw.activation.contract.OutcomeKind;
import de.nrw.activation.contract.ProviderType;
import de.nrw.activation.contract.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event contract is spelled out in contract/ only (issue 12): no Java string literal in this
 * service's {@code src/main/java} is an event type, a topic or a value of a contract enum, nor holds
 * one as an SQL literal ({@code 'EXIT'}). Comments, Javadoc and OpenAPI text blocks (documentation
 * for a Jobcenter developer) may name them. Plain JUnit, reading the sources.
 */
class ContractSpellingTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void noEventTypeTopicOrContractEnumValueIsSpelledOutInTheServicesCode() throws IOException {
        Set<String> contract = new HashSet<>(EventTypes.ALL.keySet());
        contract.addAll(Topics.ALL);
        for (Class<? extends Enum<?>> type : List.of(Gender.class, AgeBand.class, CustomerType.class,
                LabourMarketDistance.class, ProviderType.class, ExitReason.class, OutcomeKind.class, Checkpoint.class,
                AttendanceStatus.class, GroupStatus.class, GroupChange.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                contract.add(value.name());
            }
        }
        assertThat(SOURCES).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String literal : stringLiterals(Files.readString(file))) {
                    for (String value : contract) {
                        if (literal.equals(value) || literal.contains("'" + value + "'")) {
                            found.add(SOURCES.relativize(file) + ": \"" + literal + "\"");
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScannerFindsLiteralsAndSkipsCommentsAndTextBlocks() {
        String source = """
                // "participation.exited.v1" in a comment
                /* "EXIT" in a block comment */
                String a = "group-events"; char c = '"';
                String b = \"""
                    {"kind": "EMPLOYMENT"}\""";
                String d = "WHERE checkpoint = 'EXIT' AND x = \\"y\\"";
                """;
        assertThat(stringLiterals(source)).containsExactly("group-events", "WHERE checkpoint = 'EXIT' AND x = \\\"y\\\"");
    }

    /** The ordinary string literals of a Java source, without comments, char literals and text blocks. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i + 2);
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                i = endOf(source, "\"\"\"", i + 3);
            } else if (source.charAt(i) == '\'') {
                i = closing(source, i + 1, '\'') + 1;
            } else if (source.charAt(i) == '"') {
                int end = closing(source, i + 1, '"');
                literals.add(source.substring(i + 1, end));
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int endOf(String source, String terminator, int from) {
        int at = source.indexOf(terminator, from);
        return at < 0 ? source.length() : at + terminator.length();
    }

    private static int closing(String source, int from, char quote) {
        int i = from;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }
}
