package de.nrw.activation.participants.api;

import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.LabourMarketDistance;
import de.nrw.activation.participants.domain.AuditAction;
import de.nrw.activation.participants.domain.AuditTrail;
import de.nrw.activation.participants.domain.Participant;
import de.nrw.activation.participants.domain.Participants;
import de.nrw.activation.participants.domain.Profile;
import de.nrw.activation.platform.idempotency.Idempotency;
import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.time.DateRange;
import de.nrw.activation.platform.security.Caller;
import de.nrw.activation.platform.security.Roles;
import de.nrw.activation.platform.web.ETags;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Participants of the caller's Jobcenter. Only Jobcenter staff may call these endpoints:
 * they hold personal data, which the coordinator never sees. Provider staff may read the names
 * of the participants in the groups their provider runs ({@code GET /participants/{id}}); every
 * other endpoint answers them 404. Every access is written to the audit trail.
 */
@Path("/api/v1/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.PROVIDER_STAFF})
@Tag(name = "Participants", description = "Register, look up, correct and erase participants")
public class ParticipantResource {

    /** The earliest day anything is asked about (birth dates are not accepted before it either). */
    private static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);

    @Inject
    Participants participants;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    UriInfo uri;

    @Inject
    AuditTrail audit;

    /**
     * Registers a participant of the caller's own Jobcenter. The answer carries the new id in
     * the body and in {@code Location}. Send an {@code Idempotency-Key} to retry safely.
     */
    @POST
    @Transactional
    @Operation(operationId = "registerParticipant", summary = "Register a participant",
            description = "Registers a participant of the caller's own Jobcenter. The answer carries the new id in the "
                    + "body and in Location. Send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "register", value = OpenApiExamples.REGISTER)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = ParticipantView.class),
                    examples = @ExampleObject(name = "registered", value = OpenApiExamples.PARTICIPANT)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "invalid", value = OpenApiExamples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Customer number already registered in this Jobcenter",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = "application/problem+json"))
    public Response register(@NotNull @Valid ParticipantRequests.Register request,
                             @Parameter(description = "Makes retries safe: the same key returns the first answer")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        refuseProviderStaff();
        caller.requireActsFor(request.jobcenterId());
        Response answer = idempotency.once(idempotencyKey, "POST /participants", request, () -> {
            Participant participant = participants.register(request.jobcenterId(), request.customerNumber(),
                    profileOf(request.firstName(), request.lastName(), request.dateOfBirth(), request.gender(),
                            request.customerType(), request.labourMarketDistance(), request.vocationalQualification()));
            return Idempotency.about(participant.id,
                    Response.created(uri.getAbsolutePathBuilder().path(participant.id.toString()).build())
                            .tag(tag(participant)).entity(ParticipantView.of(participant)).build());
        });
        if ("true".equals(answer.getHeaderString(Idempotency.REPLAYED_HEADER)) && answer.getLocation() != null) {
            // the stored answer shows the participant again: an access to personal data, audited like a read
            String location = answer.getLocation().getPath();
            participants.replayed(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        }
        return answer;
    }

    /**
     * One participant of the caller's Jobcenter; another Jobcenter's answers 404. Provider staff
     * get {@code {id, firstName, lastName}} (schema {@code ParticipantNames}) of a participant in a
     * group their provider runs for their Jobcenter, until 40 days after the participation ended
     * there; 404 for anyone else.
     */
    @GET
    @Path("/{id}")
    @Operation(operationId = "getParticipant", summary = "Get a participant",
            description = "One participant of the caller's Jobcenter; another Jobcenter's answers 404. Provider staff get "
                    + "{id, firstName, lastName} (schema ParticipantNames) of a participant in a group their provider "
                    + "runs for their Jobcenter, until 40 days after the participation ended there; 404 for anyone "
                    + "else.")
    @APIResponse(responseCode = "200", description = "The participant (provider staff: id and names only)",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(oneOf = {ParticipantView.class, ParticipantNamesView.class})))
    @APIResponse(responseCode = "404", description = "Unknown, another Jobcenter's, or not in a group of the caller's provider",
            content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") String id) {
        UUID participantId = Ids.uuid("id", id);
        if (caller.isProviderStaff()) {
            String provider = caller.provider().orElseThrow(() ->
                    ProblemException.forbidden("The token has no '" + Caller.PROVIDER_CLAIM + "' claim"));
            Participant participant = participants.readForProvider(participantId, caller.staffJobcenter(), provider);
            return Response.ok(ParticipantNamesView.of(participant)).build();
        }
        Participant participant = participants.read(participantId, caller.staffJobcenter());
        return Response.ok(ParticipantView.of(participant)).tag(tag(participant)).build();
    }

    /**
     * Who accessed the participant's personal data, and when: every read, search hit, change,
     * registration and erasure, also refused attempts (outcome {@code DENIED}), oldest first. For
     * the data-protection officer of the participant's Jobcenter only; entries cannot be changed
     * or deleted. The total is in {@code X-Total-Count}.
     */
    @GET
    @Path("/{id}/audit")
    @RolesAllowed(Roles.DATA_PROTECTION)
    @Tag(name = "Audit")
    @Operation(operationId = "listParticipantAudit", summary = "The audit trail of one participant",
            description = "Who accessed the participant's personal data, and when: every read, search hit, change, "
                    + "registration and erasure, also refused attempts (outcome DENIED), oldest first. For the "
                    + "data-protection officer of the participant's Jobcenter only; entries cannot be changed or "
                    + "deleted. The total is in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of entries"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntryView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    public Response audit(@PathParam("id") String id, @BeanParam PageRequest paging) {
        UUID participantId = Ids.uuid("id", id);
        String jobcenter = caller.staffJobcenter();
        Participant participant = Participant.findById(participantId);
        if (participant == null || !participant.jobcenterId.equals(jobcenter)) {
            throw ProblemException.notFound("Participant", participantId);
        }
        List<AuditEntryView> items = audit.ofParticipant(participantId, jobcenter, paging.page(), paging.size()).stream()
                .map(AuditEntryView::of).collect(Collectors.toList());
        return Page.of(items, audit.countOfParticipant(participantId, jobcenter));
    }

    /**
     * The participant's age band on the day {@code on} (an ISO date such as {@code 2012-03-05}):
     * {@code UNDER_25}, {@code AGE_25_TO_49} or {@code AGE_50_PLUS}, by completed years on that day
     * (a participant whose 25th birthday is the day after {@code on} is still {@code UNDER_25}).
     * groups-service asks this when a participant enters a group, so that the participation carries
     * the band on its entry date while the birth date stays in this service: the answer holds the
     * band only. Another Jobcenter's participant answers 404; an erased participant 410
     * {@code participant-erased}, because without the birth date no band can be worked out for a
     * new date (the participation events already published keep their bands).
     */
    @GET
    @Path("/{id}/age-band")
    @Operation(operationId = "getParticipantAgeBand", summary = "Get a participant's age band on a given day",
            description = "The participant's age band on the day on (an ISO date such as 2012-03-05): UNDER_25, "
                    + "AGE_25_TO_49 or AGE_50_PLUS, by completed years on that day (a participant whose 25th birthday "
                    + "is the day after on is still UNDER_25). groups-service asks this when a participant enters a "
                    + "group, so that the participation carries the band on its entry date while the birth date stays "
                    + "in this service: the answer holds the band only. Another Jobcenter's participant answers 404; "
                    + "an erased participant 410 participant-erased, because without the birth date no band can be "
                    + "worked out for a new date (the participation events already published keep their bands).")
    @APIResponse(responseCode = "200", description = "The band on that day",
            content = @Content(schema = @Schema(implementation = AgeBandView.class),
                    examples = @ExampleObject(name = "band", value = OpenApiExamples.AGE_BAND)))
    @APIResponse(responseCode = "400", description = "`on` is missing or not an ISO date",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "410", description = "The participant was erased: there is no birth date left to work from",
            content = @Content(mediaType = "application/problem+json"))
    public AgeBandView ageBand(@PathParam("id") String id,
                               @Parameter(description = "The day, ISO format", required = true, example = "2012-03-05",
                                       schema = @Schema(type = SchemaType.STRING, maxLength = 10, pattern = Ids.DATE_PATTERN))
                               @QueryParam("on") String on) {
        UUID participantId = Ids.uuid("id", id);
        LocalDate day = day("on", on);
        refuseProviderStaff(participantId, AuditAction.READ_AGE_BAND);
        return new AgeBandView(participantId, day, participants.ageBandOn(participantId, caller.staffJobcenter(), day));
    }

    /**
     * A page of the caller's Jobcenter's participants, oldest registration first; with
     * {@code customerNumber} the (at most one) participant with that number. Erased
     * participants are not listed. The total is in {@code X-Total-Count}.
     */
    @GET
    @Operation(operationId = "searchParticipants", summary = "Search participants",
            description = "A page of the caller's Jobcenter's participants, oldest registration first; with customerNumber "
                    + "the (at most one) participant with that number. Erased participants are not listed. The total "
                    + "is in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of participants",
            headers = @Header(name = Page.TOTAL_HEADER, description = "Total number of matches"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ParticipantView.class)))
    public Response search(@QueryParam("customerNumber") @Size(max = 32)
                           @Pattern(regexp = ParticipantRequests.CUSTOMER_NUMBER_PATTERN) String customerNumber,
                           @BeanParam PageRequest paging) {
        refuseProviderStaff();
        String jobcenter = caller.staffJobcenter();
        List<ParticipantView> items = participants.search(jobcenter, customerNumber, paging.page(), paging.size()).stream()
                .map(ParticipantView::of).collect(Collectors.toList());
        return Page.of(items, participants.count(jobcenter, customerNumber));
    }

    /**
     * Corrects names, birth date or profile. Send the {@code ETag} you read as
     * {@code If-Match}: a stale one answers 412 and changes nothing.
     */
    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "changeParticipant", summary = "Change a participant's names and profile",
            description = "Corrects names, birth date or profile. Send the ETag you read as If-Match: a stale one answers "
                    + "412 and changes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "change", value = OpenApiExamples.CHANGE)))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The participant was erased",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    public Response change(@PathParam("id") String id, @NotNull @Valid ParticipantRequests.Change request,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        refuseProviderStaff(Ids.uuid("id", id), AuditAction.CHANGE);
        Participant participant = participants.change(Ids.uuid("id", id), caller.staffJobcenter(), ifMatch,
                profileOf(request.firstName(), request.lastName(), request.dateOfBirth(), request.gender(),
                        request.customerType(), request.labourMarketDistance(), request.vocationalQualification()));
        return Response.ok(ParticipantView.of(participant)).tag(tag(participant)).build();
    }

    /**
     * Erases the participant's personal data on request (names, birth date, customer number).
     * The anonymous id and attributes stay, so the statistics keep counting. Erasing an
     * already erased participant answers 204 again and changes nothing.
     */
    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "eraseParticipant", summary = "Erase a participant's personal data",
            description = "Erases the participant's personal data on request (names, birth date, customer number). The "
                    + "anonymous id and attributes stay, so the statistics keep counting. Erasing an already erased "
                    + "participant answers 204 again and changes nothing.")
    @APIResponse(responseCode = "204", description = "Erased (or already erased)")
    @APIResponse(responseCode = "404", description = "Unknown, or another Jobcenter's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json"))
    public Response erase(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        refuseProviderStaff(Ids.uuid("id", id), AuditAction.ERASE);
        participants.erase(Ids.uuid("id", id), caller.staffJobcenter(), ifMatch);
        return Response.noContent().build();
    }

    /** Provider staff see names through {@code GET /{id}} only: everything else is not there for them. */
    private void refuseProviderStaff() {
        if (caller.isProviderStaff()) {
            throw new ProblemException(404, "not-found", "Not found", "There is nothing here for provider staff");
        }
    }

    /** As above, about one participant: an attempt on an existing one is logged for its Jobcenter. */
    private void refuseProviderStaff(UUID participantId, AuditAction action) {
        if (caller.isProviderStaff()) {
            throw participants.refuse(participantId, action);
        }
    }

    /** A date in the query arrives as text: a missing or malformed one is a 400 naming the parameter. */
    static LocalDate day(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badRequest(parameter, "is required, an ISO date such as 2012-03-05");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, "must be an ISO date such as 2012-03-05");
        }
        DateRange.check(parameter, day);
        if (day.isBefore(EARLIEST_DAY)) {
            throw ProblemException.badRequest(parameter, "must not be before " + EARLIEST_DAY);
        }
        return day;
    }

    private static Profile profileOf(String firstName, String lastName, LocalDate dateOfBirth,
                                     Gender gender, CustomerType customerType, LabourMarketDistance distance,
                                     Boolean qualification) {
        return new Profile(firstName.strip(), lastName.strip(), dateOfBirth, gender, customerType, distance, qualification);
    }

    private static jakarta.ws.rs.core.EntityTag tag(Participant participant) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(participant.version));
    }

}
