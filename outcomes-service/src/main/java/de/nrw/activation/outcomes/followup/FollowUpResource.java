package de.nrw.activation.outcomes.followup;

import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.outcomes.OpenApiExamples;
import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.time.DateRange;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
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
import java.util.Arrays;
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
     * not in the future (400). A participation that has not ended has no checkpoints yet (422);
     * a withdrawn participation and an erased participant have none any more (422).
     * Publishes {@code followup.recorded.v1}. Send an {@code Idempotency-Key} to retry safely.
     */
    @POST
    @Path("/participations/{id}/follow-ups")
    @Transactional
    @Operation(operationId = "recordFollowUp", summary = "Record a follow-up checkpoint", description = "Records where the participant was (an outcome "
            + "kind) at a checkpoint of an ended participation. Checkpoints: EXIT on the exit date, MONTH_3, MONTH_6 and "
            + "MONTH_12 on the same day 3, 6 and 12 months later, or the month's last day when that day does not exist "
            + "(exit 2012-01-31: MONTH_3 on 2012-04-30). Each checkpoint is recorded once (409); checkedOn must be on or "
            + "after its due date (422) and not in the future (400); a participation that has not ended has no "
            + "checkpoints yet (422), a withdrawn participation or an erased participant none any more (422). "
            + "Publishes followup.recorded.v1. Send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "month3", value = OpenApiExamples.RECORD_FOLLOW_UP)))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "recorded", value = OpenApiExamples.FOLLOW_UP)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or checkedOn in the future",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Participation unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "This checkpoint was already recorded",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Not due yet, the participation has not ended or was withdrawn, "
            + "or the participant was erased", content = @Content(mediaType = "application/problem+json"))
    public Response record(@PathParam("id") String id, @NotNull @Valid FollowUpRequests.Record request,
                           @Parameter(description = "Makes retries safe: the same key returns the first answer")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID participationId = Ids.uuid("id", id);
        String jobcenter = caller.staffJobcenter();
        return idempotency.once(idempotencyKey, "POST /participations/" + participationId + "/follow-ups", request, () -> {
            FollowUp followUp = followUps.record(participationId, jobcenter, request.checkpoint(), request.status(),
                    request.checkedOn());
            return Response.created(uri.getAbsolutePathBuilder().path(followUp.checkpoint.name()).build())
                    .tag(tag(followUp)).entity(FollowUpView.of(followUp)).build();
        });
    }

    /** The checkpoints of one participation, open and recorded, by due date (none before it ended). */
    @GET
    @Path("/participations/{id}/follow-ups")
    @Operation(operationId = "listFollowUps", summary = "List a participation's checkpoints", description = "The checkpoints of one participation of "
            + "the caller's Jobcenter, open and recorded, by due date; none before it ended.")
    @APIResponse(responseCode = "200", description = "The checkpoints",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Number of checkpoints"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FollowUpView.class,
                    maxItems = 4))) // one per Checkpoint: EXIT, MONTH_3, MONTH_6, MONTH_12
    @APIResponse(responseCode = "404", description = "Participation unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    public Response list(@PathParam("id") String id) {
        List<FollowUpView> items = followUps.of(Ids.uuid("id", id), caller.staffJobcenter()).stream()
                .map(FollowUpView::of).collect(Collectors.toList());
        return Page.of(items, items.size());
    }

    /** One checkpoint of a participation, with its version as the {@code ETag} for a correction. */
    @GET
    @Path("/participations/{id}/follow-ups/{checkpoint}")
    @Operation(operationId = "getFollowUp", summary = "Get a checkpoint", description = "One checkpoint (EXIT, MONTH_3, MONTH_6, MONTH_12) of a "
            + "participation; the ETag is what a correction sends as If-Match.")
    @APIResponse(responseCode = "200", description = "The checkpoint", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or the checkpoint is not one of the four",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown, not scheduled, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") String id,
                        @Parameter(description = "EXIT, MONTH_3, MONTH_6 or MONTH_12",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 8, pattern = "^(EXIT|MONTH_3|MONTH_6|MONTH_12)$")) @PathParam("checkpoint") String checkpoint) {
        FollowUp followUp = followUps.one(Ids.uuid("id", id), caller.staffJobcenter(), checkpoint(checkpoint));
        return Response.ok(FollowUpView.of(followUp)).tag(tag(followUp)).build();
    }

    /**
     * Corrects a recorded checkpoint: its status and the day it was checked, under the rules of
     * recording ({@code checkedOn} on or after the due date (422), not in the future (400)). Send
     * the {@code ETag} you read as {@code If-Match}: a stale one answers 412 and changes nothing.
     * A checkpoint that is scheduled but not yet recorded answers 409 (record it with POST); one
     * that is not scheduled (the participation has not ended), an unknown or another Jobcenter's
     * participation 404; a withdrawn participation 422. Publishes {@code followup.corrected.v1}
     * when something changed.
     */
    @PUT
    @Path("/participations/{id}/follow-ups/{checkpoint}")
    @Transactional
    @Operation(operationId = "correctFollowUp", summary = "Correct a recorded checkpoint", description = "Corrects the status and checkedOn of a recorded "
            + "checkpoint under the rules of recording: checkedOn on or after the due date (422), not in the future (400). "
            + "Send the ETag you read as If-Match: a stale one answers 412 and changes nothing. A checkpoint scheduled but "
            + "not yet recorded answers 409 (record it with POST); a checkpoint not scheduled (the participation has not "
            + "ended), an unknown or another Jobcenter's participation 404; a withdrawn participation 422. Publishes "
            + "followup.corrected.v1 when something changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "correct", value = OpenApiExamples.CORRECT_FOLLOW_UP)))
    @APIResponse(responseCode = "200", description = "Corrected (or unchanged)", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or checkedOn in the future",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Participation unknown or another Jobcenter's, or the checkpoint is "
            + "not scheduled", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The checkpoint is not recorded yet",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "checkedOn before the due date, or the participation was withdrawn",
            content = @Content(mediaType = "application/problem+json"))
    public Response correct(@PathParam("id") String id,
                            @Parameter(description = "EXIT, MONTH_3, MONTH_6 or MONTH_12",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 8, pattern = "^(EXIT|MONTH_3|MONTH_6|MONTH_12)$")) @PathParam("checkpoint") String checkpoint,
                            @NotNull @Valid FollowUpRequests.Correct request,
                            @Parameter(description = "The ETag of the checkpoint as read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID participationId = Ids.uuid("id", id);
        Checkpoint which = checkpoint(checkpoint);
        FollowUp followUp = followUps.correct(participationId, caller.staffJobcenter(), which, ifMatch, request.status(),
                request.checkedOn());
        return Response.ok(FollowUpView.of(followUp)).tag(tag(followUp)).build();
    }

    /**
     * The caller's Jobcenter's checkpoints that are due on or before {@code until} (default:
     * today) and not yet recorded, oldest due date first. {@code overdue} is true when the due
     * date is before today. Paged; the total is in {@code X-Total-Count}.
     */
    @GET
    @Path("/follow-ups/due")
    @Operation(operationId = "listDueFollowUps", summary = "List due and overdue checkpoints", description = "The caller's Jobcenter's checkpoints that are "
            + "due on or before until (default: today) and not yet recorded, oldest due date first. overdue is true when "
            + "the due date is before today (German date). Paged; the total is in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of open checkpoints",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of open checkpoints due by until"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DueFollowUpView.class),
                    examples = @ExampleObject(name = "due", value = OpenApiExamples.DUE)))
    @APIResponse(responseCode = "400", description = "until is not a date (YYYY-MM-DD), or bad paging",
            content = @Content(mediaType = "application/problem+json"))
    public Response due(@Parameter(description = "Last due date to include (YYYY-MM-DD); default today", example = "2012-06-30",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 10, pattern = Ids.DATE_PATTERN))
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

    private static Checkpoint checkpoint(String raw) {
        try {
            return Checkpoint.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("checkpoint", "must be one of " + Arrays.stream(Checkpoint.values())
                    .map(Checkpoint::name).collect(Collectors.joining(", ")));
        }
    }

    private static EntityTag tag(FollowUp followUp) {
        return new EntityTag(String.valueOf(followUp.version));
    }

    private static LocalDate parseDate(String name, String raw) {
        try {
            return DateRange.check(name, LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date YYYY-MM-DD");
        }
    }
}
