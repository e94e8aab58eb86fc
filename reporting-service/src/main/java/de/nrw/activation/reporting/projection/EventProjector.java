package de.nrw.activation.reporting.projection;

import de.nrw.activation.platform.consumer.EventBatchHandler;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.events.PoisonEventException;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static de.nrw.activation.reporting.projection.Topics.*;

/**
 * Applies a batch of events to one generation of the read model (schema {@code rm_<n>}).
 *
 * <p>Facts are upserted so that any arrival order gives the same state: every fact remembers
 * the (time, id) of the event it comes from and an older event never overwrites a newer one;
 * entry and exit of a participation fill different columns, so an exit before its entry simply
 * creates a partial row. Within a batch each fact is first reduced to its newest event, then
 * written with one JDBC batch per table. Finally the categories of every participant the batch
 * touched are recomputed in SQL ({@link Classification}), and the summary the reports read is
 * corrected by the difference ({@link Summary}).
 *
 * <p>Events carry no personal data; nothing of them is logged.
 */
public final class EventProjector implements EventBatchHandler {

    static final Set<String> GENDERS = Set.of("FEMALE", "MALE", "DIVERSE", "UNSPECIFIED");
    static final Set<String> AGE_BANDS = Set.of("UNDER_25", "AGE_25_TO_49", "AGE_50_PLUS");
    static final Set<String> CUSTOMER_TYPES = Set.of("NEW", "EXISTING");
    static final Set<String> DISTANCES = Set.of("CLOSE", "DISTANT");
    static final Set<String> PROVIDER_TYPES = Set.of("JOBCENTER", "EDUCATION_PROVIDER");
    static final Set<String> EXIT_REASONS = Set.of("COMPLETED", "INTEGRATED", "DROPOUT", "OTHER");
    static final Set<String> OUTCOME_KINDS = Set.of("EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT", "MINIJOB",
            "UNEMPLOYED", "OTHER");
    static final Set<String> CHECKPOINTS = Set.of("EXIT", "MONTH_3", "MONTH_6", "MONTH_12");

    private static final Comparator<Stamp> NEWEST = Comparator.comparing(Stamp::time).thenComparing(Stamp::id);

    private final String schema;
    private final EntityManager em;

    /** When and which event a fact comes from: newer (time, then id) wins. */
    record Stamp(OffsetDateTime time, UUID id) {
        static Stamp of(EventEnvelope e) {
            return new Stamp(e.time() == null ? Instant.EPOCH.atOffset(ZoneOffset.UTC) : e.time(), e.id());
        }
    }

    record Profile(UUID participantId, String jobcenterId, String gender, String ageBand, String customerType,
                   String distance, Boolean qualified, Stamp stamp) { }

    record Erasure(UUID participantId, String jobcenterId) { }

    record Group(UUID groupId, String jobcenterId, String phaseId, String providerType, LocalDate startDate,
                 LocalDate endDate, Integer capacity, Double hoursPerWeek, Stamp stamp) { }

    record Cancellation(UUID groupId, String jobcenterId, LocalDate cancelledOn) { }

    record Entry(UUID participationId, UUID participantId, UUID groupId, String jobcenterId, String phaseId,
                 String providerType, LocalDate entryDate, String gender, String ageBand, String customerType,
                 String distance, Boolean qualified, Stamp stamp) { }

    record Exit(UUID participationId, UUID participantId, UUID groupId, String jobcenterId, String phaseId,
                String providerType, LocalDate entryDate, LocalDate exitDate, String reason, Stamp stamp) { }

    record Outcome(UUID outcomeId, UUID participantId, String jobcenterId, String kind, LocalDate startDate,
                   boolean temporaryAgency, boolean fixedTerm, Stamp stamp) { }

    record FollowUp(UUID participationId, String checkpoint, UUID followUpId, UUID participantId, String jobcenterId,
                    String status, LocalDate checkedOn, Stamp stamp) { }

    record CheckpointKey(UUID participationId, String checkpoint) { }

    public EventProjector(String schema, EntityManager em) {
        if (!schema.matches("rm_[0-9]+")) {
            throw new IllegalArgumentException("Bad read model schema " + schema);
        }
        this.schema = schema;
        this.em = em;
    }

    @Override
    public void apply(List<EventEnvelope> events) {
        Map<UUID, Profile> profiles = new HashMap<>();
        Map<UUID, Erasure> erasures = new LinkedHashMap<>();
        Map<UUID, Group> groups = new HashMap<>();
        Map<UUID, Cancellation> cancellations = new LinkedHashMap<>();
        Map<UUID, Entry> entries = new HashMap<>();
        Map<UUID, Exit> exits = new HashMap<>();
        Map<UUID, Outcome> outcomes = new HashMap<>();
        Map<CheckpointKey, FollowUp> followUps = new HashMap<>();
        Set<UUID> touchedParticipants = new LinkedHashSet<>();
        Set<UUID> touchedGroups = new LinkedHashSet<>();
        Map<String, long[]> applied = new HashMap<>();
        Map<String, OffsetDateTime> lastTime = new HashMap<>();

        for (EventEnvelope e : events) {
            String type = e.type() == null ? "" : e.type();
            String topic = TOPIC_OF_TYPE.get(type);
            if (topic == null) {
                throw new PoisonEventException("event " + e.id() + " has an unknown type");
            }
            Stamp stamp = Stamp.of(e);
            switch (type) {
                case PARTICIPANT_REGISTERED, PARTICIPANT_CHANGED -> {
                    Profile p = new Profile(e.uuid("participantId"), e.text("jobcenterId"),
                            oneOf(e, "gender", GENDERS, true), oneOf(e, "ageBand", AGE_BANDS, true),
                            oneOf(e, "customerType", CUSTOMER_TYPES, true),
                            oneOf(e, "labourMarketDistance", DISTANCES, true), e.bool("vocationalQualification"), stamp);
                    profiles.merge(p.participantId(), p, (a, b) -> newer(a.stamp(), b.stamp()) ? a : b);
                    touchedParticipants.add(p.participantId());
                }
                case PARTICIPANT_ERASED -> {
                    Erasure x = new Erasure(e.uuid("participantId"), e.optionalText("jobcenterId"));
                    erasures.put(x.participantId(), x);
                }
                case GROUP_SCHEDULED, GROUP_CHANGED -> {
                    Group g = new Group(e.uuid("groupId"), e.text("jobcenterId"), phase(e, true),
                            oneOf(e, "providerType", PROVIDER_TYPES, true), optionalDate(e, "startDate"),
                            optionalDate(e, "endDate"), optionalInt(e, "capacity"), optionalNumber(e, "hoursPerWeek"),
                            stamp);
                    groups.merge(g.groupId(), g, (a, b) -> newer(a.stamp(), b.stamp()) ? a : b);
                    touchedGroups.add(g.groupId());
                }
                case GROUP_CANCELLED -> {
                    Cancellation c = new Cancellation(e.uuid("groupId"), e.optionalText("jobcenterId"),
                            optionalDate(e, "cancelledOn"));
                    cancellations.put(c.groupId(), c);
                }
                case PARTICIPATION_ENTERED -> {
                    Entry n = new Entry(e.uuid("participationId"), e.uuid("participantId"), e.uuid("groupId"),
                            e.text("jobcenterId"), phase(e, false), oneOf(e, "providerType", PROVIDER_TYPES, false),
                            e.date("entryDate"), oneOf(e, "gender", GENDERS, false), oneOf(e, "ageBand", AGE_BANDS, false),
                            oneOf(e, "customerType", CUSTOMER_TYPES, false),
                            oneOf(e, "labourMarketDistance", DISTANCES, false), optionalBool(e, "vocationalQualification"),
                            stamp);
                    entries.merge(n.participationId(), n, (a, b) -> newer(a.stamp(), b.stamp()) ? a : b);
                    touchedParticipants.add(n.participantId());
                }
                case PARTICIPATION_EXITED -> {
                    Exit x = new Exit(e.uuid("participationId"), e.uuid("participantId"), optionalUuid(e, "groupId"),
                            e.optionalText("jobcenterId"), phase(e, false),
                            oneOf(e, "providerType", PROVIDER_TYPES, false), optionalDate(e, "entryDate"),
                            e.date("exitDate"), oneOf(e, "reason", EXIT_REASONS, true), stamp);
                    exits.merge(x.participationId(), x, (a, b) -> newer(a.stamp(), b.stamp()) ? a : b);
                    touchedParticipants.add(x.participantId());
                }
                case ATTENDANCE_RECORDED -> {
                    // Accepted and counted in the status; no report uses attendance.
                    e.uuid("groupId");
                }
                case OUTCOME_RECORDED, OUTCOME_CORRECTED -> {
                    Outcome o = new Outcome(e.uuid("outcomeId"), e.uuid("participantId"), e.optionalText("jobcenterId"),
                            oneOf(e, "kind", OUTCOME_KINDS, true), e.date("startDate"),
                            Boolean.TRUE.equals(optionalBool(e, "temporaryAgency")),
                            Boolean.TRUE.equals(optionalBool(e, "fixedTerm")), stamp);
                    outcomes.merge(o.outcomeId(), o, (a, b) -> newer(a.stamp(), b.stamp()) ? a : b);
                    touchedParticipants.add(o.participantId());
                }
                case FOLLOWUP_RECORDED -> {
                    FollowUp f = new FollowUp(e.uuid("participationId"), oneOf(e, "checkpoint", CHECKPOINTS, true),
                            e.uuid("followUpId"), e.uuid("participantId"), e.optionalText("jobcenterId"),
                            oneOf(e, "status", OUTCOME_KINDS, true), optionalDate(e, "checkedOn"), stamp);
                    followUps.merge(new CheckpointKey(f.participationId(), f.checkpoint()), f,
                            (a, b) -> newer(a.stamp(), b.stamp()) ? a : b);
                    touchedParticipants.add(f.participantId());
                }
                default -> throw new PoisonEventException("event " + e.id() + " has an unknown type");
            }
            applied.computeIfAbsent(topic, t -> new long[1])[0]++;
            if (e.time() != null) {
                lastTime.merge(topic, e.time(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }

        em.unwrap(Session.class).doWork(connection -> {
            touchedParticipants.addAll(participantsLackingGroupData(connection, touchedGroups));
            Summary.subtract(connection, schema, touchedParticipants);
            writeProfiles(connection, profiles.values());
            writeErasures(connection, erasures.values());
            writeGroups(connection, groups.values());
            writeCancellations(connection, cancellations.values());
            writeEntries(connection, entries.values());
            writeExits(connection, exits.values());
            writeOutcomes(connection, outcomes.values());
            writeFollowUps(connection, followUps.values());
            Classification.fillGaps(connection, schema, touchedParticipants, touchedGroups);
            Classification.classify(connection, schema, touchedParticipants);
            Summary.add(connection, schema, touchedParticipants);
            writeProgress(connection, applied, lastTime);
        });
    }

    /** Participants whose participations take phase, provider type or Jobcenter from one of these groups. */
    private List<UUID> participantsLackingGroupData(Connection connection, Collection<UUID> groups) throws SQLException {
        List<UUID> participants = new ArrayList<>();
        if (groups.isEmpty()) {
            return participants;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql("""
                SELECT DISTINCT participant_id FROM S.participation
                 WHERE group_id = ANY (?) AND (phase_id IS NULL OR provider_type IS NULL OR jobcenter_id IS NULL)
                """))) {
            statement.setArray(1, connection.createArrayOf("uuid", groups.toArray(new UUID[0])));
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    participants.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return participants;
    }

    private static boolean newer(Stamp a, Stamp b) {
        return NEWEST.compare(a, b) > 0;
    }

    // ---- reading event data: anything malformed is poison (parked), never retried forever

    private static String oneOf(EventEnvelope e, String field, Set<String> allowed, boolean required) {
        String value = required ? e.text(field) : e.optionalText(field);
        if (value != null && !allowed.contains(value)) {
            throw new PoisonEventException("event " + e.id() + " (" + e.type() + ") data." + field + " is not one of " + allowed);
        }
        return value;
    }

    private static String phase(EventEnvelope e, boolean required) {
        String value = required ? e.text("phaseId") : e.optionalText("phaseId");
        if (value != null && !value.matches("[A-Z][A-Z0-9_]{0,99}")) {
            throw new PoisonEventException("event " + e.id() + " (" + e.type() + ") data.phaseId is malformed");
        }
        return value;
    }

    private static LocalDate optionalDate(EventEnvelope e, String field) {
        return e.optionalText(field) == null ? null : e.date(field);
    }

    private static UUID optionalUuid(EventEnvelope e, String field) {
        return e.optionalText(field) == null ? null : e.uuid(field);
    }

    private static Boolean optionalBool(EventEnvelope e, String field) {
        return e.data().hasNonNull(field) ? e.bool(field) : null;
    }

    private static Integer optionalInt(EventEnvelope e, String field) {
        var node = e.data().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt()) {
            throw new PoisonEventException("event " + e.id() + " (" + e.type() + ") data." + field + " is not a number");
        }
        return node.asInt();
    }

    private static Double optionalNumber(EventEnvelope e, String field) {
        var node = e.data().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new PoisonEventException("event " + e.id() + " (" + e.type() + ") data." + field + " is not a number");
        }
        return node.asDouble();
    }

    // ---- writing: one JDBC batch per table

    private String sql(String template) {
        return template.replaceAll("\\bS\\.", schema + ".");
    }

    private void writeProfiles(Connection c, Collection<Profile> rows) throws SQLException {
        batch(c, sql("""
                INSERT INTO S.participant AS t (participant_id, jobcenter_id, gender, age_band, customer_type,
                    labour_market_distance, vocational_qualification, profile_event_time, profile_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (participant_id) DO UPDATE SET jobcenter_id = EXCLUDED.jobcenter_id,
                    gender = EXCLUDED.gender, age_band = EXCLUDED.age_band, customer_type = EXCLUDED.customer_type,
                    labour_market_distance = EXCLUDED.labour_market_distance,
                    vocational_qualification = EXCLUDED.vocational_qualification,
                    profile_event_time = EXCLUDED.profile_event_time, profile_event_id = EXCLUDED.profile_event_id
                WHERE t.profile_event_time IS NULL
                   OR (t.profile_event_time, t.profile_event_id) < (EXCLUDED.profile_event_time, EXCLUDED.profile_event_id)
                """), rows, (s, r) -> {
            s.setObject(1, r.participantId());
            s.setString(2, r.jobcenterId());
            s.setString(3, r.gender());
            s.setString(4, r.ageBand());
            s.setString(5, r.customerType());
            s.setString(6, r.distance());
            s.setObject(7, r.qualified(), Types.BOOLEAN);
            s.setObject(8, r.stamp().time());
            s.setObject(9, r.stamp().id());
        });
    }

    private void writeErasures(Connection c, Collection<Erasure> rows) throws SQLException {
        // Erasure concerns personal data, which this read model never holds: the anonymous
        // facts stay and keep counting; the flag only records that it happened.
        batch(c, sql("""
                INSERT INTO S.participant AS t (participant_id, jobcenter_id, erased) VALUES (?, ?, true)
                ON CONFLICT (participant_id) DO UPDATE SET erased = true
                """), rows, (s, r) -> {
            s.setObject(1, r.participantId());
            s.setString(2, r.jobcenterId());
        });
    }

    private void writeGroups(Connection c, Collection<Group> rows) throws SQLException {
        batch(c, sql("""
                INSERT INTO S.activation_group AS t (group_id, jobcenter_id, phase_id, provider_type, start_date,
                    end_date, capacity, hours_per_week, event_time, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (group_id) DO UPDATE SET jobcenter_id = EXCLUDED.jobcenter_id,
                    phase_id = EXCLUDED.phase_id, provider_type = EXCLUDED.provider_type,
                    start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, capacity = EXCLUDED.capacity,
                    hours_per_week = EXCLUDED.hours_per_week, event_time = EXCLUDED.event_time,
                    event_id = EXCLUDED.event_id
                WHERE t.event_time IS NULL OR (t.event_time, t.event_id) < (EXCLUDED.event_time, EXCLUDED.event_id)
                """), rows, (s, r) -> {
            s.setObject(1, r.groupId());
            s.setString(2, r.jobcenterId());
            s.setString(3, r.phaseId());
            s.setString(4, r.providerType());
            s.setObject(5, r.startDate());
            s.setObject(6, r.endDate());
            s.setObject(7, r.capacity(), Types.INTEGER);
            s.setObject(8, r.hoursPerWeek(), Types.DOUBLE);
            s.setObject(9, r.stamp().time());
            s.setObject(10, r.stamp().id());
        });
    }

    private void writeCancellations(Connection c, Collection<Cancellation> rows) throws SQLException {
        batch(c, sql("""
                INSERT INTO S.activation_group AS t (group_id, jobcenter_id, cancelled_on) VALUES (?, ?, ?)
                ON CONFLICT (group_id) DO UPDATE SET cancelled_on = coalesce(EXCLUDED.cancelled_on, t.cancelled_on)
                """), rows, (s, r) -> {
            s.setObject(1, r.groupId());
            s.setString(2, r.jobcenterId());
            s.setObject(3, r.cancelledOn());
        });
    }

    private void writeEntries(Connection c, Collection<Entry> rows) throws SQLException {
        // The entry is authoritative for what it carries; an earlier exit may have filled gaps.
        batch(c, sql("""
                INSERT INTO S.participation AS t (participation_id, participant_id, group_id, jobcenter_id, phase_id,
                    provider_type, entry_date, gender, age_band, customer_type, labour_market_distance,
                    vocational_qualification, entered_event_time, entered_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (participation_id) DO UPDATE SET participant_id = EXCLUDED.participant_id,
                    group_id = EXCLUDED.group_id, jobcenter_id = EXCLUDED.jobcenter_id,
                    phase_id = coalesce(EXCLUDED.phase_id, t.phase_id),
                    provider_type = coalesce(EXCLUDED.provider_type, t.provider_type),
                    entry_date = EXCLUDED.entry_date,
                    gender = coalesce(EXCLUDED.gender, t.gender), age_band = coalesce(EXCLUDED.age_band, t.age_band),
                    customer_type = coalesce(EXCLUDED.customer_type, t.customer_type),
                    labour_market_distance = coalesce(EXCLUDED.labour_market_distance, t.labour_market_distance),
                    vocational_qualification = coalesce(EXCLUDED.vocational_qualification, t.vocational_qualification),
                    entered_event_time = EXCLUDED.entered_event_time, entered_event_id = EXCLUDED.entered_event_id
                WHERE t.entered_event_time IS NULL
                   OR (t.entered_event_time, t.entered_event_id) < (EXCLUDED.entered_event_time, EXCLUDED.entered_event_id)
                """), rows, (s, r) -> {
            s.setObject(1, r.participationId());
            s.setObject(2, r.participantId());
            s.setObject(3, r.groupId());
            s.setString(4, r.jobcenterId());
            s.setString(5, r.phaseId());
            s.setString(6, r.providerType());
            s.setObject(7, r.entryDate());
            s.setString(8, r.gender());
            s.setString(9, r.ageBand());
            s.setString(10, r.customerType());
            s.setString(11, r.distance());
            s.setObject(12, r.qualified(), Types.BOOLEAN);
            s.setObject(13, r.stamp().time());
            s.setObject(14, r.stamp().id());
        });
    }

    private void writeExits(Connection c, Collection<Exit> rows) throws SQLException {
        // What an exit may repeat of the entry only fills gaps: the entry's values win.
        batch(c, sql("""
                INSERT INTO S.participation AS t (participation_id, participant_id, group_id, jobcenter_id, phase_id,
                    provider_type, entry_date, exit_date, exit_reason, exited_event_time, exited_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (participation_id) DO UPDATE SET exit_date = EXCLUDED.exit_date,
                    exit_reason = EXCLUDED.exit_reason,
                    group_id = coalesce(t.group_id, EXCLUDED.group_id),
                    jobcenter_id = coalesce(t.jobcenter_id, EXCLUDED.jobcenter_id),
                    phase_id = coalesce(t.phase_id, EXCLUDED.phase_id),
                    provider_type = coalesce(t.provider_type, EXCLUDED.provider_type),
                    entry_date = coalesce(t.entry_date, EXCLUDED.entry_date),
                    exited_event_time = EXCLUDED.exited_event_time, exited_event_id = EXCLUDED.exited_event_id
                WHERE t.exited_event_time IS NULL
                   OR (t.exited_event_time, t.exited_event_id) < (EXCLUDED.exited_event_time, EXCLUDED.exited_event_id)
                """), rows, (s, r) -> {
            s.setObject(1, r.participationId());
            s.setObject(2, r.participantId());
            s.setObject(3, r.groupId());
            s.setString(4, r.jobcenterId());
            s.setString(5, r.phaseId());
            s.setString(6, r.providerType());
            s.setObject(7, r.entryDate());
            s.setObject(8, r.exitDate());
            s.setString(9, r.reason());
            s.setObject(10, r.stamp().time());
            s.setObject(11, r.stamp().id());
        });
    }

    private void writeOutcomes(Connection c, Collection<Outcome> rows) throws SQLException {
        // A correction replaces the outcome; whichever arrives last, the newest event wins.
        batch(c, sql("""
                INSERT INTO S.outcome AS t (outcome_id, participant_id, jobcenter_id, kind, start_date,
                    temporary_agency, fixed_term, event_time, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (outcome_id) DO UPDATE SET participant_id = EXCLUDED.participant_id,
                    jobcenter_id = EXCLUDED.jobcenter_id, kind = EXCLUDED.kind, start_date = EXCLUDED.start_date,
                    temporary_agency = EXCLUDED.temporary_agency, fixed_term = EXCLUDED.fixed_term,
                    event_time = EXCLUDED.event_time, event_id = EXCLUDED.event_id
                WHERE (t.event_time, t.event_id) < (EXCLUDED.event_time, EXCLUDED.event_id)
                """), rows, (s, r) -> {
            s.setObject(1, r.outcomeId());
            s.setObject(2, r.participantId());
            s.setString(3, r.jobcenterId());
            s.setString(4, r.kind());
            s.setObject(5, r.startDate());
            s.setBoolean(6, r.temporaryAgency());
            s.setBoolean(7, r.fixedTerm());
            s.setObject(8, r.stamp().time());
            s.setObject(9, r.stamp().id());
        });
    }

    private void writeFollowUps(Connection c, Collection<FollowUp> rows) throws SQLException {
        batch(c, sql("""
                INSERT INTO S.follow_up AS t (participation_id, checkpoint, follow_up_id, participant_id, jobcenter_id,
                    status, checked_on, event_time, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (participation_id, checkpoint) DO UPDATE SET follow_up_id = EXCLUDED.follow_up_id,
                    participant_id = EXCLUDED.participant_id, jobcenter_id = EXCLUDED.jobcenter_id,
                    status = EXCLUDED.status, checked_on = EXCLUDED.checked_on,
                    event_time = EXCLUDED.event_time, event_id = EXCLUDED.event_id
                WHERE (t.event_time, t.event_id) < (EXCLUDED.event_time, EXCLUDED.event_id)
                """), rows, (s, r) -> {
            s.setObject(1, r.participationId());
            s.setString(2, r.checkpoint());
            s.setObject(3, r.followUpId());
            s.setObject(4, r.participantId());
            s.setString(5, r.jobcenterId());
            s.setString(6, r.status());
            s.setObject(7, r.checkedOn());
            s.setObject(8, r.stamp().time());
            s.setObject(9, r.stamp().id());
        });
    }

    private void writeProgress(Connection c, Map<String, long[]> applied, Map<String, OffsetDateTime> lastTime)
            throws SQLException {
        List<String> topics = new ArrayList<>(applied.keySet());
        batch(c, sql("""
                INSERT INTO S.progress AS t (topic, events_applied, last_event_time) VALUES (?, ?, ?)
                ON CONFLICT (topic) DO UPDATE SET events_applied = t.events_applied + EXCLUDED.events_applied,
                    last_event_time = greatest(t.last_event_time, EXCLUDED.last_event_time)
                """), topics, (s, topic) -> {
            s.setString(1, topic);
            s.setLong(2, applied.get(topic)[0]);
            s.setObject(3, lastTime.get(topic));
        });
    }

    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    static <T> void batch(Connection connection, String sql, Collection<T> rows, Binder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
