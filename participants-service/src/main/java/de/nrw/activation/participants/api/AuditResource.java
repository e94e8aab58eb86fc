package de.nrw.activation.participants.api;

import de.nrw.activation.participants.domain.AuditTrail;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.platform.security.Roles;
import de.nrw.activation.platform.time.ClockProducer;
import de.nrw.activation.platform.web.Ids;
import de.nrw.activation.platform.web.Page;
import de.nrw.activation.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The audit trail of access to participants' personal data, for the data-protection officer of
 * a Jobcenter (role {@code data-protection}): read only, there is no way to change or delete an
 * entry. Other roles answer 403.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DATA_PROTECTION)
@Tag(name = "Audit", description = "Who accessed which participant's personal data, and when (data-protection officers)")
public class AuditResource {

    /** Account names at the identity provider, and participants-service/retention. */
    static final String ACTOR_REGEX = "[A-Za-z0-9._@+/-]{1,200}";
    private static final Pattern ACTOR = Pattern.compile(ACTOR_REGEX);

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    /**
     * The caller's Jobcenter's entries, oldest first: from the day {@code from} to the day
     * {@code to}, both included (ISO dates, German time; either may be left out), of one
     * {@code actor} if given. The total is in {@code X-Total-Count}.
     */
    @GET
    @Operation(operationId = "searchAudit", summary = "Search the audit trail",
            description = "The caller's Jobcenter's entries, oldest first: from the day from to the day to, both included "
                    + "(ISO dates, German time; either may be left out), of one actor if given. The total is in "
                    + "X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of matches"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntryView.class)))
    @APIResponse(responseCode = "400", description = "`from` or `to` is not an ISO date, `to` is before `from`, or `actor` is malformed",
            content = @Content(mediaType = "application/problem+json"))
    public Response search(@Parameter(description = "First day, ISO format", example = "2012-03-01", schema = @Schema(type = SchemaType.STRING, maxLength = 10, pattern = Ids.DATE_PATTERN)) @QueryParam("from") String from,
                           @Parameter(description = "Last day, ISO format", example = "2012-03-31", schema = @Schema(type = SchemaType.STRING, maxLength = 10, pattern = Ids.DATE_PATTERN)) @QueryParam("to") String to,
                           @Parameter(description = "Only this actor's entries", example = "staff-herne",
                                   schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^" + ACTOR_REGEX + "$")) @QueryParam("actor") String actor,
                           @BeanParam PageRequest paging) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (actor != null && !ACTOR.matcher(actor).matches()) {
            throw ProblemException.badRequest("actor", "must be 1 to 200 letters, digits or . _ @ + / -");
        }
        AuditTrail.Query query = new AuditTrail.Query(caller.staffJobcenter(), startOf(first),
                last == null ? null : startOf(last.plusDays(1)), actor);
        List<AuditEntryView> items = audit.search(query, paging.page(), paging.size()).stream()
                .map(AuditEntryView::of).collect(Collectors.toList());
        return Page.of(items, audit.count(query));
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ClockProducer.ZONE).toInstant();
    }

    /** An optional ISO date (as {@link ParticipantResource}'s, which names the parameter in a 400). */
    private static LocalDate day(String parameter, String raw) {
        return raw == null || raw.isBlank() ? null : ParticipantResource.day(parameter, raw);
    }
}
