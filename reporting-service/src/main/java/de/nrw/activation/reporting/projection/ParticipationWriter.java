package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ParticipationWithdrawnData;
import de.nrw.activation.reporting.confidentiality.RecordKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static de.nrw.activation.reporting.projection.Jdbc.name;

/**
 * Table {@code participation}: entry, exit, withdrawal and transfer of each participation.
 * They come from different events that may arrive in any order, so each fills columns of its
 * own with its own (time, id): the newest exit (recorded or corrected) wins over older ones, an
 * exit before its entry makes a partial row, a withdrawal is final whenever it arrives.
 */
final class ParticipationWriter {

    // The entry is authoritative for what it carries; an earlier exit may have filled gaps.
    private static final String ENTRY = """
            INSERT INTO S.participation AS t (participation_id, participant_id, group_id, jobcenter_id, phase_id,
                provider_type, entry_date, gender, age_band, customer_type, labour_market_distance,
                vocational_qualification, entered_event_time, entered_event_id, record_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            """;

    // A recorded exit and its corrections are versions of one fact: the newest date, reason and
    // cancellation mark win. What an exit may repeat of the entry only fills gaps.
    private static final String EXIT = """
            INSERT INTO S.participation AS t (participation_id, participant_id, group_id, jobcenter_id, phase_id,
                provider_type, entry_date, exit_date, exit_reason, group_cancelled, exited_event_time, exited_event_id,
                record_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (participation_id) DO UPDATE SET exit_date = EXCLUDED.exit_date,
                exit_reason = EXCLUDED.exit_reason, group_cancelled = EXCLUDED.group_cancelled,
                group_id = coalesce(t.group_id, EXCLUDED.group_id),
                jobcenter_id = coalesce(t.jobcenter_id, EXCLUDED.jobcenter_id),
                phase_id = coalesce(t.phase_id, EXCLUDED.phase_id),
                provider_type = coalesce(t.provider_type, EXCLUDED.provider_type),
                entry_date = coalesce(t.entry_date, EXCLUDED.entry_date),
                exited_event_time = EXCLUDED.exited_event_time, exited_event_id = EXCLUDED.exited_event_id
            WHERE t.exited_event_time IS NULL
               OR (t.exited_event_time, t.exited_event_id) < (EXCLUDED.exited_event_time, EXCLUDED.exited_event_id)
            """;

    // Entered by mistake: there is no way back, so the mark is final whatever arrives later.
    private static final String WITHDRAWAL = """
            INSERT INTO S.participation AS t (participation_id, participant_id, group_id, jobcenter_id, withdrawn,
                withdrawn_event_time, withdrawn_event_id, record_key)
            VALUES (?, ?, ?, ?, true, ?, ?, ?)
            ON CONFLICT (participation_id) DO UPDATE SET withdrawn = true,
                group_id = coalesce(t.group_id, EXCLUDED.group_id),
                jobcenter_id = coalesce(t.jobcenter_id, EXCLUDED.jobcenter_id),
                withdrawn_event_time = EXCLUDED.withdrawn_event_time, withdrawn_event_id = EXCLUDED.withdrawn_event_id
            WHERE t.withdrawn_event_time IS NULL
               OR (t.withdrawn_event_time, t.withdrawn_event_id) < (EXCLUDED.withdrawn_event_time, EXCLUDED.withdrawn_event_id)
            """;

    // A transfer changes the group the participation is in now, nothing it is counted by: it
    // keeps group, phase, provider type and attributes of its entry (see the README).
    private static final String TRANSFER = """
            INSERT INTO S.participation AS t (participation_id, participant_id, jobcenter_id, current_group_id,
                transferred_on, transferred_event_time, transferred_event_id, record_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (participation_id) DO UPDATE SET current_group_id = EXCLUDED.current_group_id,
                transferred_on = EXCLUDED.transferred_on,
                jobcenter_id = coalesce(t.jobcenter_id, EXCLUDED.jobcenter_id),
                transferred_event_time = EXCLUDED.transferred_event_time,
                transferred_event_id = EXCLUDED.transferred_event_id
            WHERE t.transferred_event_time IS NULL
               OR (t.transferred_event_time, t.transferred_event_id) < (EXCLUDED.transferred_event_time, EXCLUDED.transferred_event_id)
            """;

    private static final String LACKING_GROUP_DATA = """
            SELECT DISTINCT participant_id FROM S.participation
             WHERE group_id = ANY (?) AND (phase_id IS NULL OR provider_type IS NULL OR jobcenter_id IS NULL)
            """;

    private final String schema;
    private final RecordKeys keys;

    ParticipationWriter(String schema, RecordKeys keys) {
        this.schema = schema;
        this.keys = keys;
    }

    void writeEntries(Connection c, Collection<Versioned<ParticipationEnteredData>> rows) throws SQLException {
        Jdbc.batch(c, Jdbc.inSchema(ENTRY, schema), rows, (s, v) -> {
            ParticipationEnteredData r = v.data();
            s.setObject(1, r.participationId());
            s.setObject(2, r.participantId());
            s.setObject(3, r.groupId());
            s.setString(4, r.jobcenterId());
            s.setString(5, r.phaseId());
            s.setString(6, name(r.providerType()));
            s.setObject(7, r.entryDate());
            s.setString(8, name(r.gender()));
            s.setString(9, name(r.ageBand()));
            s.setString(10, name(r.customerType()));
            s.setString(11, name(r.labourMarketDistance()));
            s.setObject(12, r.vocationalQualification(), Types.BOOLEAN);
            s.setObject(13, v.stamp().time());
            s.setObject(14, v.stamp().id());
            s.setLong(15, keys.of(r.participationId()));
        });
    }

    void writeExits(Connection c, Collection<Versioned<ParticipationExitedData>> rows) throws SQLException {
        Jdbc.batch(c, Jdbc.inSchema(EXIT, schema), rows, (s, v) -> {
            ParticipationExitedData r = v.data();
            s.setObject(1, r.participationId());
            s.setObject(2, r.participantId());
            s.setObject(3, r.groupId());
            s.setString(4, r.jobcenterId());
            s.setString(5, r.phaseId());
            s.setString(6, name(r.providerType()));
            s.setObject(7, r.entryDate());
            s.setObject(8, r.exitDate());
            s.setString(9, name(r.reason()));
            s.setBoolean(10, Boolean.TRUE.equals(r.groupCancelled()));
            s.setObject(11, v.stamp().time());
            s.setObject(12, v.stamp().id());
            s.setLong(13, keys.of(r.participationId()));
        });
    }

    void writeWithdrawals(Connection c, Collection<Versioned<ParticipationWithdrawnData>> rows) throws SQLException {
        // The free-text reason stays in groups-service: no report needs it.
        Jdbc.batch(c, Jdbc.inSchema(WITHDRAWAL, schema), rows, (s, v) -> {
            ParticipationWithdrawnData r = v.data();
            s.setObject(1, r.participationId());
            s.setObject(2, r.participantId());
            s.setObject(3, r.groupId());
            s.setString(4, r.jobcenterId());
            s.setObject(5, v.stamp().time());
            s.setObject(6, v.stamp().id());
            s.setLong(7, keys.of(r.participationId()));
        });
    }

    void writeTransfers(Connection c, Collection<Versioned<ParticipationTransferredData>> rows) throws SQLException {
        Jdbc.batch(c, Jdbc.inSchema(TRANSFER, schema), rows, (s, v) -> {
            ParticipationTransferredData r = v.data();
            s.setObject(1, r.participationId());
            s.setObject(2, r.participantId());
            s.setString(3, r.jobcenterId());
            s.setObject(4, r.toGroupId());
            s.setObject(5, r.date());
            s.setObject(6, v.stamp().time());
            s.setObject(7, v.stamp().id());
            s.setLong(8, keys.of(r.participationId()));
        });
    }

    /** Participants whose participations take phase, provider type or Jobcenter from one of these groups. */
    List<UUID> participantsLackingGroupData(Connection c, Collection<UUID> groups) throws SQLException {
        List<UUID> participants = new ArrayList<>();
        if (groups.isEmpty()) {
            return participants;
        }
        try (PreparedStatement statement = c.prepareStatement(Jdbc.inSchema(LACKING_GROUP_DATA, schema))) {
            statement.setArray(1, Jdbc.uuids(c, groups));
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    participants.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return participants;
    }
}
