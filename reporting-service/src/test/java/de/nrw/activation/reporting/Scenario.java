package de.nrw.activation.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.testsupport.SuiteTestResource;
import de.nrw.activation.testsupport.Tokens;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * Builds the events the other services would publish for one Jobcenter and one phase, in the
 * contract's shape (CloudEvents JSON via the platform's EventEnvelope), and puts them on the
 * real broker. Event times increase in the order the events are built, as they would in
 * production; the order they are sent in is up to the test.
 */
final class Scenario {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** One event as it goes on a topic. */
    record Sent(String topic, String key, EventEnvelope event) { }

    /** A participant in one participation. */
    record Part(UUID participantId, UUID participationId) { }

    /** The participant's attributes at entry. */
    record Attributes(String gender, String ageBand, String customerType, String distance, boolean qualified) {
        static final Attributes CLOSE_QUALIFIED = new Attributes("FEMALE", "AGE_25_TO_49", "EXISTING", "CLOSE", true);
        static final Attributes DISTANT_UNQUALIFIED = new Attributes("MALE", "AGE_50_PLUS", "NEW", "DISTANT", false);
    }

    final String jobcenter;
    final String phase;
    final List<Sent> events = new ArrayList<>();
    private final Map<String, UUID> followUpIds = new java.util.HashMap<>();
    private UUID group;
    private String providerType = "JOBCENTER";
    private OffsetDateTime clock = OffsetDateTime.of(2012, 9, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    Scenario(String jobcenter, String phase) {
        this.jobcenter = jobcenter;
        this.phase = phase;
        group("JOBCENTER");
    }

    /** A scenario in a Jobcenter and a phase of its own, so tests never see each other's data. */
    static Scenario fresh() {
        return new Scenario(uniqueJobcenter(), uniquePhase());
    }

    static String uniqueJobcenter() {
        return "jc-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    static String uniquePhase() {
        return "T" + SEQUENCE.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

    /** Schedules a new group run by {@code providerType}; later entries join it. */
    Scenario group(String providerType) {
        this.group = UUID.randomUUID();
        this.providerType = providerType;
        add("group-events", group, "group.scheduled.v1", group, data(
                "groupId", group, "jobcenterId", jobcenter, "phaseId", phase, "providerType", providerType,
                "startDate", "2012-01-09", "endDate", "2012-02-17", "capacity", 20,
                "meetingDays", List.of("MONDAY", "TUESDAY", "THURSDAY"), "hoursPerWeek", 12));
        return this;
    }

    Part join(String entryDate) {
        return join(entryDate, Attributes.CLOSE_QUALIFIED);
    }

    /** Registers a participant and enters them into the current group. */
    Part join(String entryDate, Attributes a) {
        return join(entryDate, a, new Part(UUID.randomUUID(), UUID.randomUUID()));
    }

    /** The same with given ids (a data set whose record keys, and so perturbations, are the same on every run). */
    Part join(String entryDate, Attributes a, Part ids) {
        UUID participant = ids.participantId();
        UUID participation = ids.participationId();
        register(participant, a);
        add("group-events", participant, "participation.entered.v1", participation, data(
                "participationId", participation, "participantId", participant, "groupId", group,
                "jobcenterId", jobcenter, "phaseId", phase, "providerType", providerType, "entryDate", entryDate,
                "gender", a.gender(), "ageBand", a.ageBand(), "customerType", a.customerType(),
                "labourMarketDistance", a.distance(), "vocationalQualification", a.qualified()));
        return new Part(participant, participation);
    }

    private void register(UUID participant, Attributes a) {
        add("participant-events", participant, "participant.registered.v1", participant, data(
                "participantId", participant, "jobcenterId", jobcenter, "gender", a.gender(), "ageBand", a.ageBand(),
                "customerType", a.customerType(), "labourMarketDistance", a.distance(),
                "vocationalQualification", a.qualified()));
    }

    /**
     * Registers a participant and enters them into the current group as an older producer did:
     * the entry without phase, provider type and the participant's attributes (the read model
     * takes them from the group and the profile).
     */
    Part joinAsOlderProducer(String entryDate, Attributes a) {
        UUID participant = UUID.randomUUID();
        UUID participation = UUID.randomUUID();
        register(participant, a);
        add("group-events", participant, "participation.entered.v1", participation, data(
                "participationId", participation, "participantId", participant, "groupId", group,
                "jobcenterId", jobcenter, "entryDate", entryDate));
        return new Part(participant, participation);
    }

    Scenario exit(Part p, String exitDate, String reason) {
        add("group-events", p.participantId(), "participation.exited.v1", p.participationId(), data(
                "participationId", p.participationId(), "participantId", p.participantId(), "groupId", group,
                "jobcenterId", jobcenter, "exitDate", exitDate, "reason", reason));
        return this;
    }

    UUID outcome(Part p, String kind, String startDate) {
        return outcome(p, kind, startDate, false, false);
    }

    UUID outcome(Part p, String kind, String startDate, boolean temporaryAgency, boolean fixedTerm) {
        UUID outcome = UUID.randomUUID();
        outcomeEvent("outcome.recorded.v1", outcome, p, kind, startDate, temporaryAgency, fixedTerm);
        return outcome;
    }

    Scenario correct(UUID outcome, Part p, String kind, String startDate) {
        outcomeEvent("outcome.corrected.v1", outcome, p, kind, startDate, false, false);
        return this;
    }

    private void outcomeEvent(String type, UUID outcome, Part p, String kind, String startDate, boolean temporaryAgency,
                              boolean fixedTerm) {
        add("outcome-events", p.participantId(), type, outcome, data(
                "outcomeId", outcome, "participantId", p.participantId(), "jobcenterId", jobcenter, "kind", kind,
                "startDate", startDate, "temporaryAgency", temporaryAgency, "fixedTerm", fixedTerm));
    }

    Scenario followUp(Part p, String checkpoint, String status) {
        UUID id = UUID.randomUUID();
        followUpIds.put(p.participationId() + "/" + checkpoint, id);
        followUpEvent("followup.recorded.v1", id, p, checkpoint, status);
        return this;
    }

    /** Corrects the status of a checkpoint recorded before (same follow-up id). */
    Scenario correctFollowUp(Part p, String checkpoint, String status) {
        UUID id = followUpIds.getOrDefault(p.participationId() + "/" + checkpoint, UUID.randomUUID());
        followUpEvent("followup.corrected.v1", id, p, checkpoint, status);
        return this;
    }

    private void followUpEvent(String type, UUID id, Part p, String checkpoint, String status) {
        add("outcome-events", p.participantId(), type, id, data(
                "followUpId", id, "participationId", p.participationId(), "participantId", p.participantId(),
                "jobcenterId", jobcenter, "checkpoint", checkpoint, "status", status, "checkedOn", "2012-09-01"));
    }

    /** Corrects a recorded exit: the new date and reason. */
    Scenario correctExit(Part p, String exitDate, String reason) {
        add("group-events", p.participantId(), "participation.exit-corrected.v1", p.participationId(), data(
                "participationId", p.participationId(), "participantId", p.participantId(), "groupId", group,
                "jobcenterId", jobcenter, "exitDate", exitDate, "reason", reason));
        return this;
    }

    /** Cancels the current group on {@code date}: the group's event, and the exit it causes for each of {@code open}. */
    Scenario cancelGroup(String date, Part... open) {
        add("group-events", group, "group.cancelled.v1", group, data(
                "groupId", group, "jobcenterId", jobcenter, "cancelledOn", date));
        for (Part p : open) {
            add("group-events", p.participantId(), "participation.exited.v1", p.participationId(), data(
                    "participationId", p.participationId(), "participantId", p.participantId(), "groupId", group,
                    "jobcenterId", jobcenter, "exitDate", date, "reason", "OTHER", "groupCancelled", true));
        }
        return this;
    }

    /** Withdraws a participation entered by mistake. */
    Scenario withdraw(Part p) {
        add("group-events", p.participantId(), "participation.withdrawn.v1", p.participationId(), data(
                "participationId", p.participationId(), "participantId", p.participantId(), "groupId", group,
                "jobcenterId", jobcenter, "reason", "registered in error"));
        return this;
    }

    /** Transfers a participation from group {@code from} to the current group on {@code date}. */
    Scenario transfer(Part p, UUID from, String date) {
        add("group-events", p.participantId(), "participation.transferred.v1", p.participationId(), data(
                "participationId", p.participationId(), "participantId", p.participantId(), "fromGroupId", from,
                "toGroupId", group, "jobcenterId", jobcenter, "date", date, "toProviderType", providerType));
        return this;
    }

    /** The events built after the first {@code mark} ones (later times than those: corrections). */
    List<Sent> since(int mark) {
        return List.copyOf(events.subList(mark, events.size()));
    }

    /** The group later entries join. */
    UUID currentGroup() {
        return group;
    }

    /** The events of these types, in the order built. */
    List<Sent> ofType(String... types) {
        List<String> wanted = List.of(types);
        return events.stream().filter(e -> wanted.contains(e.event().type())).toList();
    }

    /** The events of any other type, in the order built. */
    List<Sent> notOfType(String... types) {
        List<String> unwanted = List.of(types);
        return events.stream().filter(e -> !unwanted.contains(e.event().type())).toList();
    }

    Scenario attendance(Part p, String date, String status) {
        add("group-events", group, "attendance.recorded.v1", group, data(
                "groupId", group, "jobcenterId", jobcenter, "date", date,
                "entries", List.of(Map.of("participantId", p.participantId().toString(), "status", status))));
        return this;
    }

    Scenario erase(Part p) {
        add("participant-events", p.participantId(), "participant.erased.v1", p.participantId(), data(
                "participantId", p.participantId(), "jobcenterId", jobcenter));
        return this;
    }

    List<UUID> eventIds() {
        return events.stream().map(s -> s.event().id()).toList();
    }

    /** Sends every event in the order built. */
    Scenario send() {
        send(events);
        return this;
    }

    static void send(List<Sent> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteTestResource.broker().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1))) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (Sent record : records) {
                acks.add(producer.send(new ProducerRecord<>(record.topic(), record.key(), record.event().serialize(MAPPER))));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send the scenario's events", e);
        }
    }

    RequestSpecification asStaff() {
        return given().auth().oauth2(Tokens.staff(jobcenter)).queryParam("phaseId", phase);
    }

    private void add(String topic, UUID key, String type, UUID subject, ObjectNode data) {
        clock = clock.plusSeconds(1);
        events.add(new Sent(topic, key.toString(), new EventEnvelope(UUID.randomUUID(), "/test/" + topic, type, clock,
                subject.toString(), data)));
    }

    private static ObjectNode data(Object... fields) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            node.set((String) fields[i], MAPPER.valueToTree(fields[i + 1] instanceof UUID u ? u.toString() : fields[i + 1]));
        }
        return node;
    }
}
