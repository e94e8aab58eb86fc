package de.nrw.activation.groups.group;

import de.nrw.activation.groups.OpenApiExamples;
import de.nrw.activation.groups.Validation;
import de.nrw.activation.groups.provider.ProviderScope;
import de.nrw.activation.platform.idempotency.Idempotency;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import java.util.List;

/**
 * Activation groups. Jobcenter staff schedule and cancel their own Jobcenter's groups; the
 * coordinator may read every group (without the coaches' names) but change none.
 */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "Schedule, find and cancel activation groups")
public class GroupResource {

    @Inject
    Groups groups;

    @Inject
    Caller caller;

    @Inject
    ProviderScope providers;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uri;

    /**
     * Schedules a group of the caller's own Jobcenter and generates its sessions (NRW public
     * holidays skipped). The answer carries {@code endDate} (start + weeks * 7 - 1 day) and
     * {@code hoursPerWeek}. A broken programme fact answers 422 whose {@code rule} is one of
     * {@code capacity}, {@code group-duration}, {@code meeting-days}, {@code daily-times},
     * {@code weekly-hours}, {@code coaching-ratio}, {@code unknown-phase},
     * {@code jobcenter-not-in-phase}, {@code group-outside-phase}. Send an
     * {@code Idempotency-Key} to retry safely.
     */
    @POST
    @Transactional
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "scheduleGroup", summary = "Schedule a group",
            description = "Schedules a group of the caller's own Jobcenter and generates its sessions (NRW public holidays "
                    + "skipped). The answer carries endDate (start + weeks * 7 - 1 day) and hoursPerWeek. A broken "
                    + "programme fact answers 422 whose rule is one of capacity, group-duration, meeting-days, "
                    + "daily-times, weekly-hours, coaching-ratio, unknown-phase, jobcenter-not-in-phase, "
                    + "group-outside-phase. Send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "schedule", value = OpenApiExamples.SCHEDULE)))
    @APIResponse(responseCode = "201", description = "Scheduled", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = GroupView.class),
                    examples = @ExampleObject(name = "scheduled", value = OpenApiExamples.GROUP)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A programme fact is broken; `rule` names it",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "rule", value = OpenApiExamples.RULE_PROBLEM)))
    public Response schedule(@NotNull @Valid GroupRequests.Schedule request,
                             @Parameter(description = "Makes retries safe: the same key returns the first answer")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        caller.requireActsFor(request.jobcenterId());
        return idempotency.once(idempotencyKey, "POST /groups", request, () -> {
            Group group = groups.schedule(request);
            return Response.created(uri.getAbsolutePathBuilder().path(group.id.toString()).build())
                    .tag(tag(group)).entity(GroupView.of(group, true)).build();
        });
    }

    /**
     * One group; another Jobcenter's answers 404 to staff. Provider staff see the groups their
     * provider runs for their Jobcenter (every other id answers 404 to them).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.COORDINATOR, Roles.PROVIDER_STAFF})
    @Operation(operationId = "getGroup", summary = "Get a group",
            description = "One group; another Jobcenter's answers 404 to staff. Provider staff see the groups their "
                    + "provider runs for their Jobcenter (every other id answers 404 to them).")
    @APIResponse(responseCode = "200", description = "The group", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's", content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") String id) {
        Group group = groups.visible(Ids.uuid("id", id));
        return Response.ok(GroupView.of(group, !caller.isCoordinator())).tag(tag(group)).build();
    }

    /**
     * A page of groups, earliest start first, total in {@code X-Total-Count}. Staff see their
     * own Jobcenter's groups ({@code jobcenterId} defaults to it; naming another answers 403);
     * the coordinator every Jobcenter's, optionally filtered. Provider staff see the groups their
     * provider runs for their Jobcenter ({@code jobcenterId} as for staff).
     */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.COORDINATOR, Roles.PROVIDER_STAFF})
    @Operation(operationId = "findGroups", summary = "Find groups by Jobcenter and phase",
            description = "A page of groups, earliest start first, total in X-Total-Count. Staff see their own Jobcenter's "
                    + "groups (jobcenterId defaults to it; naming another answers 403); the coordinator every "
                    + "Jobcenter's, optionally filtered. Provider staff see the groups their provider runs for their "
                    + "Jobcenter (jobcenterId as for staff).")
    @APIResponse(responseCode = "200", description = "A page of groups",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of matches"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = GroupView.class)))
    public Response search(@QueryParam("jobcenterId") @Size(max = 64)
                           @Pattern(regexp = Validation.JOBCENTER_PATTERN, message = Validation.JOBCENTER_MESSAGE) String jobcenterId,
                           @QueryParam("phaseId") @Size(max = 40)
                           @Pattern(regexp = Validation.PHASE_PATTERN, message = Validation.PHASE_MESSAGE) String phaseId,
                           @BeanParam PageRequest paging) {
        String jobcenter = jobcenterId;
        boolean coordinator = caller.isCoordinator() && !providers.applies();
        if (!coordinator) {
            if (jobcenter == null) {
                jobcenter = caller.staffJobcenter();
            } else {
                caller.requireActsFor(jobcenter);
            }
        }
        String provider = providers.applies() ? providers.provider() : null;
        List<GroupView> items = groups.search(jobcenter, phaseId, provider, paging.page(), paging.size()).stream()
                .map(g -> GroupView.of(g, !coordinator)).toList();
        return Page.of(items, groups.count(jobcenter, phaseId, provider));
    }

    /**
     * Changes a group of the caller's Jobcenter after scheduling: {@code name}, {@code location},
     * {@code coaches}, the provider's {@code name} and {@code capacity}; send all of them. The
     * timetable and the provider type stay as scheduled. 409 {@code capacity-below-places-taken}
     * when the capacity is below the most participants the group has had on one day; 422 whose
     * {@code rule} is {@code capacity} (1 to 20), {@code coaching-ratio},
     * {@code provider-type-unchangeable} or {@code group-cancelled}. Publishes
     * {@code group.changed.v1} with {@code change: DETAILS_CHANGED} (no names in it); the same
     * values again change nothing. Send the group's {@code ETag} as {@code If-Match} (412 when
     * stale); without it the change goes ahead.
     */
    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "changeGroup", summary = "Change a group's details",
            description = "Changes a group of the caller's Jobcenter after scheduling: name, location, coaches, the "
                    + "provider's name and capacity; send all of them. The timetable and the provider type stay as "
                    + "scheduled. 409 capacity-below-places-taken when the capacity is below the most participants the "
                    + "group has had on one day; 422 whose rule is capacity (1 to 20), coaching-ratio, "
                    + "provider-type-unchangeable or group-cancelled. Publishes group.changed.v1 with change: "
                    + "DETAILS_CHANGED (no names in it); the same values again change nothing. Send the group's ETag "
                    + "as If-Match (412 when stale); without it the change goes ahead.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "change", value = OpenApiExamples.CHANGE_GROUP)))
    @APIResponse(responseCode = "200", description = "The group as changed", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Capacity below the places taken", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "A rule is broken; `rule` names it", content = @Content(mediaType = "application/problem+json"))
    public Response change(@PathParam("id") String id, @NotNull @Valid GroupRequests.Change request,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Group group = groups.change(Ids.uuid("id", id), ifMatch, request);
        return Response.ok(GroupView.of(group, true)).tag(tag(group)).build();
    }

    /**
     * Cancels a group of the caller's Jobcenter: it takes no new participations, its scheduled
     * sessions from today on are cancelled, and each open participation ends today with reason
     * {@code OTHER} ({@code exitCausedByGroupCancellation: true}); its participant may enter
     * another group from tomorrow. Publishes {@code group.cancelled.v1} and one
     * {@code participation.exited.v1} ({@code groupCancelled: true}) per participation ended.
     * Cancelling a cancelled group answers 200 again and changes nothing. Honours {@code If-Match}.
     */
    @POST
    @Path("/{id}/cancel")
    @Transactional
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "cancelGroup", summary = "Cancel a group",
            description = "Cancels a group of the caller's Jobcenter: it takes no new participations, its scheduled "
                    + "sessions from today on are cancelled, and each open participation ends today with reason OTHER "
                    + "(exitCausedByGroupCancellation: true); its participant may enter another group from tomorrow. "
                    + "Publishes group.cancelled.v1 and one participation.exited.v1 (groupCancelled: true) per "
                    + "participation ended. Cancelling a cancelled group answers 200 again and changes nothing. "
                    + "Honours If-Match.")
    @APIResponse(responseCode = "200", description = "Cancelled (or already cancelled)", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Group group = groups.cancel(Ids.uuid("id", id), ifMatch);
        return Response.ok(GroupView.of(group, true)).tag(tag(group)).build();
    }

    static EntityTag tag(Group group) {
        return new EntityTag(String.valueOf(group.version));
    }
}
