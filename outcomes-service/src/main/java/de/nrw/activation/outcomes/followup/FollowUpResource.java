package de.nrw.activation.outcomes.followup;

import de.nrw.activation.outcomes.OpenApiExamples;
import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.platform.security.Roles;
import de.nrw.activation.platform.web.Ids;
import de.nrw.activation.platform.web.Page;
import de.nrw.activation.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Follow-up checkpoints (Nachhaltigkeit) of the caller's Jobcenter's participations. When a
 * participation ends, checkpoints EXIT (the exit date), MONTH_3, MONTH_6 and MONTH_12 are
 * scheduled: the same day 3, 6 and 12 months after the exit, or the month's last day when that
 * day does not exist (exit 2012-01-31: MONTH_3 on 2012-04-30). Jobcenter staff only.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Follow-ups", description = "Record follow-up checkpoints and list the due ones")
public class FollowUpResource {

    @Inject
    FollowUps followUps;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uri;

    /**
     * Records where the participant was at a checkpoint of an ended participation. Each checkpoint
     * is recorded once (409 after); {@code checkedOn} must be on or after its due date (422) and
     * not in the future (400). A participation that has not ended has no checkpoints yet (422).
     * Publishes {@code followup.recorded.v1}. Send an {@code Idempotency-Key} to retry safely.
     */
    @POST
    @Path("/participations/{id}/follow-ups")
    @Transactional
    @Operation(summary = "Record a follow-up checkpoint", description = "Records where the participant was (an outcome "
            + "kind) at a checkpoint of an ended participation. Checkpoints: EXIT on the exit date, MONTH_3, MONTH_6 and "
            + "MONTH_12 on the same day 3, 6 and 12 months later, or the month's last day when that day does not exist "
            + "(exit 2012-01-31: MONTH_3 on 2012-04-30). Each checkpoint is recorded once (409); checkedOn must be on or "
            + "after its due date (422) and not in the future (400); a participation that has not ended has no "
            + "checkpoints yet (422). Publishes followup.recorded.v1. Send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "month3", value = OpenApiExamples.RECORD_FOLLOW_UP)))
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "recorded", value = OpenApiExamples.FOLLOW_UP)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or checkedOn in the future",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Participation unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "This checkpoint was already recorded",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Not due yet, or the participation has not ended",
            content = @Content(mediaType = "application/problem+json"))
    public Response record(@PathParam("id") String id, @NotNull @Valid FollowUpRequests.Record request,
                           @Parameter(description = "Makes retries safe: the same key returns the first answer")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID participationId = Ids.uuid("id", id);
        String jobcenter = caller.staffJobcenter();
        return idempotency.once(idempotencyKey, "POST /participations/" + participationId + "/follow-ups", request, () -> {
            FollowUp followUp = followUps.record(participationId, jobcenter, request.checkpoint(), request.status(),
                    request.checkedOn());
            return Response.created(uri.getAbsolutePathBuilder().path(followUp.checkpoint.name()).build())
                    .entity(FollowUpView.of(followUp)).build();
        });
    }

    /** The checkpoints of one participation, open and recorded, by due date (none before it ended). */
    @GET
    @Path("/participations/{id}/follow-ups")
    @Operation(summary = "List a participation's checkpoints", description = "The checkpoints of one participation of "
            + "the caller's Jobcenter, open and recorded, by due date; none before it ended.")
    @APIResponse(responseCode = "200", description = "The checkpoints",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Number of checkpoints"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FollowUpView.class)))
    @APIResponse(responseCode = "404", description = "Participation unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    public Response list(@PathParam("id") String id) {
        List<FollowUpView> items = followUps.of(Ids.uuid("id", id), caller.staffJobcenter()).stream()
                .map(FollowUpView::of).collect(Collectors.toList());
        return Page.of(items, items.size());
    }

    /** One checkpoint of a participation. */
    @GET
    @Path("/participations/{id}/follow-ups/{checkpoint}")
    @Operation(summary = "Get a checkpoint", description = "One checkpoint (EXIT, MONTH_3, MONTH_6, MONTH_12) of a participation.")
    @APIResponse(responseCode = "200", description = "The checkpoint",
            content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, not scheduled, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    public FollowUpView get(@PathParam("id") String id,
                            @Parameter(description = "EXIT, MONTH_3, MONTH_6 or MONTH_12") @PathParam("checkpoint") String checkpoint) {
        UUID participationId = Ids.uuid("id", id);
        Checkpoint which;
        try {
            which = Checkpoint.valueOf(checkpoint);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("checkpoint", "must be one of EXIT, MONTH_3, MONTH_6, MONTH_12");
        }
        return FollowUpView.of(followUps.one(participationId, caller.staffJobcenter(), which));
    }

    /**
     * The caller's Jobcenter's checkpoints that are due on or before {@code until} (default:
     * today) and not yet recorded, oldest due date first. {@code overdue} is true when the due
     * date is before today. Paged; the total is in {@code X-Total-Count}.
     */
    @GET
    @Path("/follow-ups/due")
    @Operation(summary = "List due and overdue checkpoints", description = "The caller's Jobcenter's checkpoints that are "
            + "due on or before until (default: today) and not yet recorded, oldest due date first. overdue is true when "
            + "the due date is before today (German date). Paged; the total is in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of open checkpoints",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of open checkpoints due by until"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DueFollowUpView.class),
                    examples = @ExampleObject(name = "due", value = OpenApiExamples.DUE)))
    @APIResponse(responseCode = "400", description = "until is not a date (YYYY-MM-DD), or bad paging",
            content = @Content(mediaType = "application/problem+json"))
    public Response due(@Parameter(description = "Last due date to include (YYYY-MM-DD); default today", example = "2012-06-30")
                        @QueryParam("until") String until,
                        @BeanParam PageRequest paging) {
        String jobcenter = caller.staffJobcenter();
        LocalDate last = until == null || until.isBlank() ? followUps.today() : parseDate("until", until);
        List<DueFollowUpView> items = followUps.due(jobcenter, last, paging.page(), paging.size()).stream()
                .map(f -> new DueFollowUpView(f.participationId, f.participantId, f.checkpoint, f.dueDate,
                        followUps.isOverdue(f)))
                .collect(Collectors.toList());
        return Page.of(items, followUps.countDue(jobcenter, last));
    }

    private static LocalDate parseDate(String name, String raw) {
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date YYYY-MM-DD");
        }
    }
}
