package de.nrw.activation.reporting.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The programme's reports. All counts are over the participations that entered a group in the
 * selection (phase, entry period); every indicator follows the definitions of the programme
 * ("Indicators"). Jobcenter staff see their own Jobcenter only; the coordinator sees all
 * Jobcenters with every count perturbed by the cell key method (docs/confidentiality.md). No
 * personal data in any answer.
 */
@Path("/api/v1/reports")
@RolesAllowed({Roles.STAFF, Roles.COORDINATOR})
@Tag(name = "Reports", description = "Whereabouts, integration quotas, sustainability, provider comparison, chart")
@APIResponse(responseCode = "400", description = "Unknown groupBy, malformed phase id or date",
        content = @Content(mediaType = "application/problem+json"))
public class ReportResource {

    static final String CSV = "text/csv";

    @Inject
    Reports reports;

    @Inject
    ObjectMapper mapper;

    @Inject
    HttpHeaders headers;

    @GET
    @Path("/whereabouts")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getWhereaboutsReport", summary = "Whereabouts and integration quotas",
            description = """
            Where the participants are after the programme, one row per value of `groupBy` (default: per
            Jobcenter; `groupBy=providerType` compares Jobcenter-run with education-provider-run groups)
            plus a `total` row. Each participation counts in exactly one category, by precedence integration
            > minijob > unemployed > other > dropout > open; the quotas are exact fractions of N,
            `...Percent` rounded half-up. Send `Accept: text/csv` for the same rows as CSV (header row,
            total last; `lang=de` for German column titles). Two different dropout figures: `dropouts` /
            `dropoutQuota` is the exclusive category (dropped out and nothing else known); `dropoutRate` is
            the evaluation's Abbruchquote (every exit with reason DROPOUT, whatever came after).
            `provisional` says how many of N can still change; `groupBy=entryQuarter` / `entryMonth` give
            the trend.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class),
                    examples = @ExampleObject(name = "phase 1", value = OpenApiExamples.WHEREABOUTS)),
            @Content(mediaType = CSV, examples = @ExampleObject(name = "csv", value = OpenApiExamples.CSV))})
    public Response whereabouts(@Valid @BeanParam ReportFilter filter) {
        return answer(reports.whereabouts(filter.validated()), "whereabouts.csv", filter.german());
    }

    @GET
    @Path("/sustainability")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getSustainabilityReport", summary = "Sustainability, placement rate and not-unemployed rate 6 months after exit",
            description = """
            Sustainability at 6 months (of the integrated participations with a recorded MONTH_6 checkpoint,
            the share still in employment, apprenticeship or self-employment), the placement rate (MONTH_6
            in employment subject to social insurance or apprenticeship) and the not-unemployed rate
            (MONTH_6 anything but unemployed) of the ended participations with a recorded MONTH_6
            checkpoint; sustainability at 12 months the same from MONTH_12 (`sustainability12`). Also
            `provisional`, `exitsByReason` and the evaluation's `dropoutRate` (every DROPOUT exit / N; not
            the whereabouts report's exclusive `dropouts` category). Rows per `groupBy` plus a total; CSV on
            request (`lang=de`: German column titles).""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class),
                    examples = @ExampleObject(name = "phase 1", value = OpenApiExamples.SUSTAINABILITY)),
            @Content(mediaType = CSV)})
    public Response sustainability(@Valid @BeanParam ReportFilter filter) {
        return answer(reports.sustainability(filter.validated()), "sustainability.csv", filter.german());
    }

    @GET
    @Path("/whereabouts/chart")
    @Produces("image/svg+xml")
    @Operation(operationId = "getWhereaboutsChart", summary = "Quota chart per Jobcenter (SVG)",
            description = """
            The integration quota and the minijob quota per Jobcenter as an SVG bar chart, N in each label;
            for the coordinator the perturbed figures, said below the chart.""")
    @APIResponse(responseCode = "200", description = "The chart", content = @Content(mediaType = "image/svg+xml"))
    public Response chart(@Valid @BeanParam ReportFilter filter) {
        filter.groupBy = Dimension.JOBCENTER.parameter();
        return Response.ok(QuotaChart.render(reports.whereabouts(filter.validated())), "image/svg+xml").build();
    }

    @GET
    @Path("/structure")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getStructureReport", summary = "Structure and result per Jobcenter",
            description = """
            Structure and result per Jobcenter (the evaluation's slide 7): the share of participants close
            to the labour market, the share with a vocational qualification and the integration quota, one
            row per Jobcenter plus a `total`. The same figures (perturbed alike for the coordinator) as the
            whereabouts report by Jobcenter. `Accept: text/csv` for CSV (`lang=de`: German column titles).""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class),
                    examples = @ExampleObject(name = "phase 1", value = OpenApiExamples.STRUCTURE)),
            @Content(mediaType = CSV)})
    public Response structure(@Valid @BeanParam ReportFilter filter) {
        return answer(reports.structure(filter.validated()), "structure.csv", filter.german());
    }

    @GET
    @Path("/structure/chart")
    @Produces("image/svg+xml")
    @Operation(operationId = "getStructureChart", summary = "Structure and result per Jobcenter (SVG)",
            description = """
            Structure and result as an SVG scatter chart (German labels): one dot per Jobcenter, x the share
            close to the labour market, y the integration quota, each dot labelled with the Jobcenter and N;
            for the coordinator the perturbed figures, said below the chart.""")
    @APIResponse(responseCode = "200", description = "The chart", content = @Content(mediaType = "image/svg+xml"))
    public Response structureChart(@Valid @BeanParam ReportFilter filter) {
        return Response.ok(StructureChart.render(reports.structure(filter.validated())), "image/svg+xml").build();
    }

    private Response answer(Report<?> report, String fileName, boolean german) {
        if (wantsCsv()) {
            return Response.ok(CsvExport.of(report, mapper, german), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV only when the client prefers it to JSON (a wildcard means JSON). */
    private boolean wantsCsv() {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}
