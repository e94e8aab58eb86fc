package de.nrw.activation.groups.participation;

import de.nrw.activation.groups.OpenApiExamples;
import de.nrw.activation.groups.provider.ProviderScope;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * Participations (Teilnahmen) of the caller's Jobcenter: read one, record its exit with a
 * reason, correct the exit, withdraw one entered by mistake, transfer one to another group, and
 * list the exits that are missing. Jobcenter staff only. Every change honours {@code If-Match}
 * with the participation's {@code ETag} (412 when stale; without the header it goes ahead).
 */
@Path("/api/v1/participations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Participations", description = "Assign participants to groups and record their exit")
public class ParticipationResource {

    @Inject
    Participations participations;

    @Inject
    ProviderScope providers;

    /**
     * The staff's worklist of missing exits: the caller's Jobcenter's participations whose
     * group has ended (its last day is before today) without an exit, withdrawn ones aside. The
     * longest-missing first (by the group's end, then the entry date); total in
     * {@code X-Total-Count}. Record each exit with {@code POST /participations/{id}/exit}.
     */
    @GET
    @Path("/missing-exits")
    @Operation(operationId = "listMissingExits", summary = "List participations whose exit is missing",
            description = "The staff's worklist of missing exits: the caller's Jobcenter's participations whose group has "
                    + "ended (its last day is before today) without an exit, withdrawn ones aside. The longest-missing "
                    + "first (by the group's end, then the entry date); total in X-Total-Count. Record each exit with "
                    + "POST /participations/{id/exit}.")
    @APIResponse(responseCode = "200", description = "A page of participations without an exit",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of missing exits"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ParticipationView.class)))
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = "application/problem+json"))
    public Response missingExits(@BeanParam PageRequest paging) {
        return Page.of(participations.views(participations.missingExits(paging.page(), paging.size())),
                participations.countMissingExits());
    }

    /**
     * One participation of the caller's Jobcenter, with its {@code status} ({@code ACTIVE},
     * {@code ENDED}, {@code WITHDRAWN}) and its group history {@code groups} ({@code groupId},
     * {@code from}, {@code to}; more than one entry after a transfer). Provider staff get a
     * participation of a group their provider runs as a {@code ProviderParticipation}, until 40
     * days after its stay there ended; every other id answers 404 to them.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.PROVIDER_STAFF})
    @Operation(operationId = "getParticipation", summary = "Get a participation",
            description = "One participation of the caller's Jobcenter, with its status (ACTIVE, ENDED, WITHDRAWN) and its "
                    + "group history groups (groupId, from, to; more than one entry after a transfer). Provider staff "
                    + "get a participation of a group their provider runs as a ProviderParticipation, until 40 days "
                    + "after its stay there ended; every other id answers 404 to them.")
    @APIResponse(responseCode = "200", description = "The participation (ProviderParticipation for provider staff)",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(oneOf = {ParticipationView.class, ProviderParticipationView.class}),
                    examples = @ExampleObject(name = "transferred", value = OpenApiExamples.TRANSFERRED)))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") String id) {
        if (providers.applies()) {
            ProviderParticipationView seen = participations.seenByProvider(Ids.uuid("id", id));
            return Response.ok(seen).tag(new EntityTag(String.valueOf(seen.version()))).build();
        }
        return answer(participations.own(Ids.uuid("id", id)));
    }

    /**
     * Records the exit with its date and reason ({@code COMPLETED}, {@code INTEGRATED},
     * {@code DROPOUT}, {@code OTHER}) and publishes {@code participation.exited.v1}
     * ({@code groupCancelled: false}). A second exit answers 409 {@code already-exited} (correct
     * it with {@code PUT}), a withdrawn participation 409 {@code participation-withdrawn}. 422
     * whose {@code rule} is {@code exit-before-entry} (before the entry, or before the transfer
     * into the current group), {@code exit-after-group-end}, {@code exit-after-group-cancelled}
     * or {@code exit-in-future} (exits are recorded when they happen). Attendance recorded for
     * days after the exit no longer counts.
     */
    @POST
    @Path("/{id}/exit")
    @Transactional
    @Operation(operationId = "recordExit", summary = "Record a participant's exit",
            description = "Records the exit with its date and reason (COMPLETED, INTEGRATED, DROPOUT, OTHER) and publishes "
                    + "participation.exited.v1 (groupCancelled: false). A second exit answers 409 already-exited "
                    + "(correct it with PUT), a withdrawn participation 409 participation-withdrawn. 422 whose rule is "
                    + "exit-before-entry (before the entry, or before the transfer into the current group), "
                    + "exit-after-group-end, exit-after-group-cancelled or exit-in-future (exits are recorded when "
                    + "they happen). Attendance recorded for days after the exit no longer counts.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "exit", value = OpenApiExamples.EXIT)))
    @APIResponse(responseCode = "200", description = "Exited", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParticipationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The exit was recorded already, or the participation was withdrawn",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule is broken; `rule` names it",
            content = @Content(mediaType = "application/problem+json"))
    public Response exit(@PathParam("id") String id, @NotNull @Valid ParticipationRequests.Exit request,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(participations.exit(Ids.uuid("id", id), ifMatch, request.exitDate(), request.reason()));
    }

    /**
     * Corrects a recorded exit: the new date and/or reason, under the same rules as the first
     * recording (422 as there). Publishes {@code participation.exit-corrected.v1} with the new
     * date and reason; follow-up checkpoints not yet recorded move with the date, reports
     * reclassify. A corrected exit is the staff's, no longer the cancellation's
     * ({@code exitCausedByGroupCancellation} becomes false). The same date and reason again change
     * nothing. 409 {@code not-exited} when no exit was recorded, {@code participation-withdrawn}.
     */
    @PUT
    @Path("/{id}/exit")
    @Transactional
    @Operation(operationId = "correctExit", summary = "Correct a recorded exit",
            description = "Corrects a recorded exit: the new date and/or reason, under the same rules as the first "
                    + "recording (422 as there). Publishes participation.exit-corrected.v1 with the new date and "
                    + "reason; follow-up checkpoints not yet recorded move with the date, reports reclassify. A "
                    + "corrected exit is the staff's, no longer the cancellation's (exitCausedByGroupCancellation "
                    + "becomes false). The same date and reason again change nothing. 409 not-exited when no exit was "
                    + "recorded, participation-withdrawn.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "exit", value = OpenApiExamples.EXIT)))
    @APIResponse(responseCode = "200", description = "The participation with the corrected exit", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParticipationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "No exit recorded yet, or the participation was withdrawn",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule is broken; `rule` names it",
            content = @Content(mediaType = "application/problem+json"))
    public Response correctExit(@PathParam("id") String id, @NotNull @Valid ParticipationRequests.Exit request,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(participations.correctExit(Ids.uuid("id", id), ifMatch, request.exitDate(), request.reason()));
    }

    /**
     * Withdraws a participation entered by mistake ("registered in error"), whether it ended or
     * not: it is kept with {@code status: WITHDRAWN} and the {@code reason}, and leaves every
     * figure and the due list. It frees its place and its period (the participant may enter a
     * group for the same days), and its attendance no longer counts. The reason is published:
     * write no personal data into it. Publishes {@code participation.withdrawn.v1}; withdrawing
     * it again answers 200 and changes nothing.
     */
    @POST
    @Path("/{id}/withdraw")
    @Transactional
    @Operation(operationId = "withdrawParticipation", summary = "Withdraw a participation entered by mistake",
            description = "Withdraws a participation entered by mistake (\"registered in error\"), whether it ended or "
                    + "not: it is kept with status: WITHDRAWN and the reason, and leaves every figure and the due "
                    + "list. It frees its place and its period (the participant may enter a group for the same days), "
                    + "and its attendance no longer counts. The reason is published: write no personal data into it. "
                    + "Publishes participation.withdrawn.v1; withdrawing it again answers 200 and changes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "withdraw", value = OpenApiExamples.WITHDRAW)))
    @APIResponse(responseCode = "200", description = "Withdrawn (or withdrawn already)", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParticipationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    public Response withdraw(@PathParam("id") String id, @NotNull @Valid ParticipationRequests.Withdraw request,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(participations.withdraw(Ids.uuid("id", id), ifMatch, request.reason()));
    }

    /**
     * Transfers an open participation to another group of the same Jobcenter and phase;
     * {@code date} is its first day in the new group (its last day in the old one is the day
     * before). It stays one participation: the same id, entry date and attributes at entry,
     * counted once; {@code groups} shows both groups. The new group's rules hold: 409
     * {@code capacity-full}, {@code overlapping-participation}; 404 for an unknown group or
     * another Jobcenter's. 409 {@code already-exited}, {@code participation-withdrawn}. 422 whose
     * {@code rule} is {@code transfer-same-group}, {@code transfer-other-phase},
     * {@code group-cancelled}, {@code transfer-outside-group-period} (not in the new group's
     * period), {@code transfer-before-entry} (not after the first day in the current group) or
     * {@code transfer-after-group-end} (later than the day after the current group's end).
     * Publishes {@code participation.transferred.v1}.
     */
    @POST
    @Path("/{id}/transfer")
    @Transactional
    @Operation(operationId = "transferParticipation", summary = "Transfer a participation to another group",
            description = "Transfers an open participation to another group of the same Jobcenter and phase; date is its "
                    + "first day in the new group (its last day in the old one is the day before). It stays one "
                    + "participation: the same id, entry date and attributes at entry, counted once; groups shows both "
                    + "groups. The new group's rules hold: 409 capacity-full, overlapping-participation; 404 for an "
                    + "unknown group or another Jobcenter's. 409 already-exited, participation-withdrawn. 422 whose "
                    + "rule is transfer-same-group, transfer-other-phase, group-cancelled, "
                    + "transfer-outside-group-period (not in the new group's period), transfer-before-entry (not after "
                    + "the first day in the current group) or transfer-after-group-end (later than the day after the "
                    + "current group's end). Publishes participation.transferred.v1.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "transfer", value = OpenApiExamples.TRANSFER)))
    @APIResponse(responseCode = "200", description = "Transferred", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParticipationView.class),
                    examples = @ExampleObject(name = "transferred", value = OpenApiExamples.TRANSFERRED)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown participation or group, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Ended or withdrawn, no place left, or an overlapping participation",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule is broken; `rule` names it",
            content = @Content(mediaType = "application/problem+json"))
    public Response transfer(@PathParam("id") String id, @NotNull @Valid ParticipationRequests.Transfer request,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(participations.transfer(Ids.uuid("id", id), ifMatch, request.groupId(), request.date()));
    }

    private Response answer(Participation participation) {
        return Response.ok(participations.view(participation)).tag(new EntityTag(String.valueOf(participation.version))).build();
    }
}
