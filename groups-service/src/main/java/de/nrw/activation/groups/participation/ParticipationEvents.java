package de.nrw.activation.groups.participation;

import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ParticipationWithdrawnData;
import de.nrw.activation.contract.Topics;
import de.nrw.activation.groups.group.Group;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * The participation events of topic {@code group-events}, keyed by participant id so one
 * person's events keep their order, built from the contract's records. They carry the group's
 * phase, Jobcenter and provider type, so consumers need nothing else; never a name.
 */
@ApplicationScoped
public class ParticipationEvents {

    @Inject
    Outbox outbox;

    public void entered(Participation p, Group g) {
        publish(p, EventTypes.PARTICIPATION_ENTERED, new ParticipationEnteredData(p.id, p.participantId, g.id,
                g.jobcenterId, g.phaseId, g.providerType, p.entryDate, p.gender, p.ageBand, p.customerType,
                p.labourMarketDistance, p.vocationalQualification, g.startDate, g.endDate));
    }

    public void exited(Participation p, Group g) {
        publish(p, EventTypes.PARTICIPATION_EXITED, exitData(p, g));
    }

    /** The corrected exit: the new date and reason. */
    public void exitCorrected(Participation p, Group g) {
        publish(p, EventTypes.PARTICIPATION_EXIT_CORRECTED, exitData(p, g));
    }

    public void withdrawn(Participation p) {
        publish(p, EventTypes.PARTICIPATION_WITHDRAWN,
                new ParticipationWithdrawnData(p.id, p.participantId, p.groupId, p.jobcenterId, p.withdrawalReason));
    }

    /** {@code date}: the first day in the new group. */
    public void transferred(Participation p, Group from, Group to, LocalDate date) {
        publish(p, EventTypes.PARTICIPATION_TRANSFERRED, new ParticipationTransferredData(p.id, p.participantId,
                from.id, to.id, p.jobcenterId, date, to.providerType, to.startDate, to.endDate));
    }

    private static ParticipationExitedData exitData(Participation p, Group g) {
        return new ParticipationExitedData(p.id, p.participantId, g.id, g.jobcenterId, g.phaseId, g.providerType,
                p.entryDate, p.exitDate, p.exitReason, p.exitGroupCancelled);
    }

    private void publish(Participation p, String type, Record data) {
        outbox.publish(Topics.GROUP_EVENTS, p.participantId.toString(), type, p.id.toString(), data);
    }
}
