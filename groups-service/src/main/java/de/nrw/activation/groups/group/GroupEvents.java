package de.nrw.activation.groups.group;

import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.GroupCancelledData;
import de.nrw.activation.contract.GroupChange;
import de.nrw.activation.contract.GroupData;
import de.nrw.activation.contract.Topics;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * The group events of topic {@code group-events}, keyed by group id, built from the contract's
 * records. No names in them: neither the coaches' nor the provider's nor the group's own name; the
 * provider's id ({@code providerId}, a slug) tells participants-service whose staff may see whom.
 */
@ApplicationScoped
public class GroupEvents {

    @Inject
    Outbox outbox;

    public void scheduled(Group g) {
        outbox.publish(Topics.GROUP_EVENTS, g.id.toString(), EventTypes.GROUP_SCHEDULED, g.id.toString(),
                data(g, null, null, null));
    }

    /** The group's state after the change, and what changed ({@code sessionDate}, {@code newDate}: for a session). */
    public void changed(Group g, GroupChange change, LocalDate sessionDate, LocalDate newDate) {
        outbox.publish(Topics.GROUP_EVENTS, g.id.toString(), EventTypes.GROUP_CHANGED, g.id.toString(),
                data(g, change, sessionDate, newDate));
    }

    public void cancelled(Group g) {
        outbox.publish(Topics.GROUP_EVENTS, g.id.toString(), EventTypes.GROUP_CANCELLED, g.id.toString(),
                new GroupCancelledData(g.id, g.jobcenterId, g.phaseId, g.providerType, g.cancelledOn));
    }

    private static GroupData data(Group g, GroupChange change, LocalDate sessionDate, LocalDate newDate) {
        return new GroupData(g.id, g.jobcenterId, g.phaseId, g.providerType, g.providerId, g.startDate, g.endDate, g.weeks,
                g.capacity, g.meetingDayList(), g.hoursPerWeek, g.status, change, sessionDate, newDate);
    }
}
