package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.OutcomeData;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/** Table {@code outcome}: the newest version (recorded or corrected) of each outcome. */
final class OutcomeWriter {

    private static final String OUTCOME = """
            INSERT INTO S.outcome AS t (outcome_id, participant_id, jobcenter_id, kind, start_date,
                temporary_agency, fixed_term, event_time, event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (outcome_id) DO UPDATE SET participant_id = EXCLUDED.participant_id,
                jobcenter_id = EXCLUDED.jobcenter_id, kind = EXCLUDED.kind, start_date = EXCLUDED.start_date,
                temporary_agency = EXCLUDED.temporary_agency, fixed_term = EXCLUDED.fixed_term,
                event_time = EXCLUDED.event_time, event_id = EXCLUDED.event_id
            WHERE (t.event_time, t.event_id) < (EXCLUDED.event_time, EXCLUDED.event_id)
            """;

    private final String schema;

    OutcomeWriter(String schema) {
        this.schema = schema;
    }

    void write(Connection c, Collection<Versioned<OutcomeData>> rows) throws SQLException {
        Jdbc.batch(c, Jdbc.inSchema(OUTCOME, schema), rows, (s, v) -> {
            OutcomeData r = v.data();
            s.setObject(1, r.outcomeId());
            s.setObject(2, r.participantId());
            s.setString(3, r.jobcenterId());
            s.setString(4, r.kind().name());
            s.setObject(5, r.startDate());
            s.setBoolean(6, Boolean.TRUE.equals(r.temporaryAgency()));
            s.setBoolean(7, Boolean.TRUE.equals(r.fixedTerm()));
            s.setObject(8, v.stamp().time());
            s.setObject(9, v.stamp().id());
        });
    }
}
