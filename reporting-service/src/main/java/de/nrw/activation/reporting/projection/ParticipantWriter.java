package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.ParticipantErasedData;
import de.nrw.activation.contract.ParticipantProfileData;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;

import static de.nrw.activation.reporting.projection.Jdbc.name;

/** Table {@code participant}: the newest profile of each participant, and whether they were erased. */
final class ParticipantWriter {

    private static final String PROFILE = """
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
            """;

    // Erasure concerns personal data, which this read model never holds: the anonymous facts
    // stay and keep counting; the flag only records that it happened.
    private static final String ERASURE = """
            INSERT INTO S.participant AS t (participant_id, jobcenter_id, erased) VALUES (?, ?, true)
            ON CONFLICT (participant_id) DO UPDATE SET erased = true
            """;

    private final String schema;

    ParticipantWriter(String schema) {
        this.schema = schema;
    }

    void writeProfiles(Connection c, Collection<Versioned<ParticipantProfileData>> rows) throws SQLException {
        Jdbc.batch(c, Jdbc.inSchema(PROFILE, schema), rows, (s, v) -> {
            ParticipantProfileData r = v.data();
            s.setObject(1, r.participantId());
            s.setString(2, r.jobcenterId());
            s.setString(3, name(r.gender()));
            s.setString(4, name(r.ageBand()));
            s.setString(5, name(r.customerType()));
            s.setString(6, name(r.labourMarketDistance()));
            s.setObject(7, r.vocationalQualification(), Types.BOOLEAN);
            s.setObject(8, v.stamp().time());
            s.setObject(9, v.stamp().id());
        });
    }

    void writeErasures(Connection c, Collection<Versioned<ParticipantErasedData>> rows) throws SQLException {
        Jdbc.batch(c, Jdbc.inSchema(ERASURE, schema), rows, (s, v) -> {
            s.setObject(1, v.data().participantId());
            s.setString(2, v.data().jobcenterId());
        });
    }
}
