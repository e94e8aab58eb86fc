package de.nrw.activation.participants;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.GroupData;
import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ParticipationWithdrawnData;
import de.nrw.activation.contract.ProviderType;
import de.nrw.activation.contract.Topics;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Puts group events on {@code group-events} as groups-service would (contract records in an
 * {@link EventEnvelope}) and waits until this service has applied each one.
 */
final class GroupEvents {

    /** The last day of the tests' groups unless they say otherwise: later than any day the tests set. */
    static final LocalDate FAR_END = LocalDate.of(2099, 12, 31);

    private final AgroalDataSource db;
    private final ObjectMapper mapper;

    GroupEvents(AgroalDataSource db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** A group of {@code jobcenter} run by {@code provider} (null: by the Jobcenter); returns its id. */
    UUID group(String jobcenter, String provider) {
        return group(jobcenter, provider, FAR_END);
    }

    /** As above, the group's last day being {@code end}. */
    UUID group(String jobcenter, String provider, LocalDate end) {
        UUID id = UUID.randomUUID();
        send(EventTypes.GROUP_SCHEDULED, id, groupData(id, jobcenter, provider, end));
        return id;
    }

    void scheduled(UUID group, String jobcenter, String provider) {
        send(EventTypes.GROUP_SCHEDULED, group, groupData(group, jobcenter, provider, FAR_END));
    }

    void changed(UUID group, String jobcenter, String provider) {
        send(EventTypes.GROUP_CHANGED, group, groupData(group, jobcenter, provider, FAR_END));
    }

    /** The participant enters the group on {@code date}; returns the participation's id. */
    UUID entered(String participant, UUID group, String jobcenter, LocalDate date) {
        UUID participation = UUID.randomUUID();
        entered(participation, participant, group, jobcenter, date);
        return participation;
    }

    void entered(UUID participation, String participant, UUID group, String jobcenter, LocalDate date) {
        send(EventTypes.PARTICIPATION_ENTERED, participation, new ParticipationEnteredData(participation,
                UUID.fromString(participant), group, jobcenter, "phase-1", null, date, null, null, null, null, null,
                null, null));
    }

    void exited(UUID participation, String participant, UUID group, String jobcenter, LocalDate date) {
        send(EventTypes.PARTICIPATION_EXITED, participation, exit(participation, participant, group, jobcenter, date));
    }

    void exitCorrected(UUID participation, String participant, UUID group, String jobcenter, LocalDate date) {
        send(EventTypes.PARTICIPATION_EXIT_CORRECTED, participation, exit(participation, participant, group, jobcenter, date));
    }

    void withdrawn(UUID participation, String participant, UUID group, String jobcenter) {
        send(EventTypes.PARTICIPATION_WITHDRAWN, participation, new ParticipationWithdrawnData(participation,
                UUID.fromString(participant), group, jobcenter, "entered by mistake"));
    }

    void transferred(UUID participation, String participant, UUID from, UUID to, String jobcenter, LocalDate date) {
        send(EventTypes.PARTICIPATION_TRANSFERRED, participation, new ParticipationTransferredData(participation,
                UUID.fromString(participant), from, to, jobcenter, date, null, null, null));
    }

    private static ParticipationExitedData exit(UUID participation, String participant, UUID group, String jobcenter,
                                                LocalDate date) {
        return new ParticipationExitedData(participation, UUID.fromString(participant), group, jobcenter, "phase-1",
                null, null, date, ExitReason.COMPLETED, false);
    }

    private static GroupData groupData(UUID group, String jobcenter, String provider, LocalDate end) {
        return new GroupData(group, jobcenter, "phase-1", provider == null ? ProviderType.JOBCENTER : ProviderType.EDUCATION_PROVIDER,
                provider, end.minusWeeks(8), end, 8, 12, null, null, null, null, null, null);
    }

    private void send(String type, UUID subject, Record data) {
        EventEnvelope event = EventEnvelope.create("/groups-service", type, subject.toString(), mapper.valueToTree(data));
        TopicReader.send(Topics.GROUP_EVENTS, subject.toString(), new String(event.serialize(mapper), StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Rows.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", event.id()) == 1);
    }
}
