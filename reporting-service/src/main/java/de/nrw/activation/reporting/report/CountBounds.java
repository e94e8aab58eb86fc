package de.nrw.activation.reporting.report;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The bounds of every count in reporting's answers, declared once: each integer property of the
 * report rows and of the projection status is a number of participations, events or records, so
 * at least 0, and (what client generators and the OWASP lint ask for) at most {@link #MAX} (an int32 at most its largest value), far
 * above anything the programme can reach (some ten thousand participations a year, some million
 * events). A new response record with counts is added to {@link #SCHEMAS}; the lint in
 * {@code api-lint} fails until it is.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class CountBounds implements OASFilter {

    /** The largest count a report or the projection status declares. */
    static final BigDecimal MAX = BigDecimal.valueOf(1_000_000_000_000L);

    static final List<String> SCHEMAS = List.of("WhereaboutsRow", "IntegrationKinds", "SustainabilityRow",
            "StructureRow", "ExitsByReason", "ProjectionStatus", "TopicStatus", "Rebuild");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        SCHEMAS.stream().map(schemas::get).filter(s -> s != null && s.getProperties() != null)
                .flatMap(s -> s.getProperties().values().stream())
                .filter(p -> p.getType() != null && p.getType().contains(Schema.SchemaType.INTEGER))
                .forEach(CountBounds::bound);
    }

    private static void bound(Schema count) {
        if (count.getFormat() == null) {
            count.setFormat("int64");
        }
        count.setMinimum(BigDecimal.ZERO);
        count.setMaximum("int32".equals(count.getFormat()) ? BigDecimal.valueOf(Integer.MAX_VALUE) : MAX);
    }
}
