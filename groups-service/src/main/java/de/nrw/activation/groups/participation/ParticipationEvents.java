package de.nrw.activation.groups.participation;

import de.nrw.activation.groups.group.Group;
import de.nrw.activation.groups.group.GroupEvents;
import de.nrw.activation.groups.group.ProviderType;
import de.nrw.activation.groups.participant.AgeBand;
import de.nrw.activation.groups.participant.CustomerType;
import de.nrw.activation.groups.participant.Gender;
import de.nrw.activation.groups.participant.LabourMarketDistance;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The participation events of topic {@code group-events}, keyed by participant id so one
 * person's events keep their order. They carry the group's phase, Jobcenter and provider
 * type, so consumers need nothing else; never a name.
 */
@ApplicationScoped
public class ParticipationEvents {

    public static final String ENTERED = "participation.entered.v1";
    public static final String EXITED = "participation.exited.v1";

    /** Data of {@code participation.entered.v1}: the attributes as of the entry. */
    public record EnteredData(UUID participationId, UUID participantId, UUID groupId, String jobcenterId, String phaseId,
                              ProviderType providerType, LocalDate entryDate, Gender gender, AgeBand ageBand,
                              CustomerType customerType, LabourMarketDistance labourMarketDistance,
                              boolean vocationalQualification, LocalDate groupStartDate, LocalDate groupEndDate) { }

    /**
     * Data of {@code participation.exited.v1}; phaseId, providerType and entryDate let a consumer
     * handle an exit that arrives before its entry.
     */
    public record ExitedData(UUID participationId, UUID participantId, UUID groupId, String jobcenterId, String phaseId,
                             ProviderType providerType, LocalDate entryDate, LocalDate exitDate, ExitReason reason) { }

    @Inject
    Outbox outbox;

    public void entered(Participation p, Group g) {
        outbox.publish(GroupEvents.TOPIC, p.participantId.toString(), ENTERED, p.id.toString(),
                new EnteredData(p.id, p.participantId, g.id, g.jobcenterId, g.phaseId, g.providerType, p.entryDate,
                        p.gender, p.ageBand, p.customerType, p.labourMarketDistance, p.vocationalQualification,
                        g.startDate, g.endDate));
    }

    public void exited(Participation p, Group g) {
        outbox.publish(GroupEvents.TOPIC, p.participantId.toString(), EXITED, p.id.toString(),
                new ExitedData(p.id, p.participantId, g.id, g.jobcenterId, g.phaseId, g.providerType, p.entryDate,
                        p.exitDate, p.exitReason));
    }
}
