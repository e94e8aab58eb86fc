package de.nrw.activation.groups.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.nrw.activation.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The group events of topic {@code group-events}, keyed by group id. No names in them: neither
 * the coaches' nor the provider's nor the group's own name.
 */
@ApplicationScoped
public class GroupEvents {

    public static final String TOPIC = "group-events";
    public static final String SCHEDULED = "group.scheduled.v1";
    public static final String CHANGED = "group.changed.v1";
    public static final String CANCELLED = "group.cancelled.v1";

    /** What changed, in a {@code group.changed.v1} event. */
    public enum Change { SESSION_CANCELLED, SESSION_MOVED }

    /**
     * Data of {@code group.scheduled.v1} and {@code group.changed.v1}; a changed event also says
     * what changed ({@code change}, {@code sessionDate}, and {@code newDate} for a move).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupData(UUID groupId, String jobcenterId, String phaseId, ProviderType providerType,
                            LocalDate startDate, LocalDate endDate, int weeks, int capacity, List<DayOfWeek> meetingDays,
                            BigDecimal hoursPerWeek, GroupStatus status, Change change, LocalDate sessionDate,
                            LocalDate newDate) {
        static GroupData of(Group g, Change change, LocalDate sessionDate, LocalDate newDate) {
            return new GroupData(g.id, g.jobcenterId, g.phaseId, g.providerType, g.startDate, g.endDate, g.weeks,
                    g.capacity, g.meetingDayList(), g.hoursPerWeek, g.status, change, sessionDate, newDate);
        }
    }

    /** Data of {@code group.cancelled.v1}. */
    public record CancelledData(UUID groupId, String jobcenterId, String phaseId, ProviderType providerType,
                                LocalDate cancelledOn) { }

    @Inject
    Outbox outbox;

    public void scheduled(Group g) {
        outbox.publish(TOPIC, g.id.toString(), SCHEDULED, g.id.toString(), GroupData.of(g, null, null, null));
    }

    public void changed(Group g, Change change, LocalDate sessionDate, LocalDate newDate) {
        outbox.publish(TOPIC, g.id.toString(), CHANGED, g.id.toString(), GroupData.of(g, change, sessionDate, newDate));
    }

    public void cancelled(Group g) {
        outbox.publish(TOPIC, g.id.toString(), CANCELLED, g.id.toString(),
                new CancelledData(g.id, g.jobcenterId, g.phaseId, g.providerType, g.cancelledOn));
    }
}
