package de.nrw.activation.contract;

import java.util.Map;

/**
 * The CloudEvents {@code type} of every event, the topic it is published on and the record its
 * {@code data} is read into.
 */
public final class EventTypes {

    public static final String PARTICIPANT_REGISTERED = "participant.registered.v1";
    public static final String PARTICIPANT_CHANGED = "participant.changed.v1";
    public static final String PARTICIPANT_ERASED = "participant.erased.v1";

    public static final String GROUP_SCHEDULED = "group.scheduled.v1";
    public static final String GROUP_CHANGED = "group.changed.v1";
    public static final String GROUP_CANCELLED = "group.cancelled.v1";
    public static final String PARTICIPATION_ENTERED = "participation.entered.v1";
    public static final String PARTICIPATION_EXITED = "participation.exited.v1";
    public static final String PARTICIPATION_EXIT_CORRECTED = "participation.exit-corrected.v1";
    public static final String PARTICIPATION_WITHDRAWN = "participation.withdrawn.v1";
    public static final String PARTICIPATION_TRANSFERRED = "participation.transferred.v1";
    public static final String ATTENDANCE_RECORDED = "attendance.recorded.v1";

    public static final String OUTCOME_RECORDED = "outcome.recorded.v1";
    public static final String OUTCOME_CORRECTED = "outcome.corrected.v1";
    public static final String FOLLOWUP_RECORDED = "followup.recorded.v1";
    public static final String FOLLOWUP_CORRECTED = "followup.corrected.v1";

    /** One entry per event type: its topic and the record of its {@code data}. */
    public record Definition(String type, String topic, Class<? extends Record> data) { }

    public static final Map<String, Definition> ALL = Map.ofEntries(
            entry(PARTICIPANT_REGISTERED, Topics.PARTICIPANT_EVENTS, ParticipantProfileData.class),
            entry(PARTICIPANT_CHANGED, Topics.PARTICIPANT_EVENTS, ParticipantProfileData.class),
            entry(PARTICIPANT_ERASED, Topics.PARTICIPANT_EVENTS, ParticipantErasedData.class),
            entry(GROUP_SCHEDULED, Topics.GROUP_EVENTS, GroupData.class),
            entry(GROUP_CHANGED, Topics.GROUP_EVENTS, GroupData.class),
            entry(GROUP_CANCELLED, Topics.GROUP_EVENTS, GroupCancelledData.class),
            entry(PARTICIPATION_ENTERED, Topics.GROUP_EVENTS, ParticipationEnteredData.class),
            entry(PARTICIPATION_EXITED, Topics.GROUP_EVENTS, ParticipationExitedData.class),
            entry(PARTICIPATION_EXIT_CORRECTED, Topics.GROUP_EVENTS, ParticipationExitedData.class),
            entry(PARTICIPATION_WITHDRAWN, Topics.GROUP_EVENTS, ParticipationWithdrawnData.class),
            entry(PARTICIPATION_TRANSFERRED, Topics.GROUP_EVENTS, ParticipationTransferredData.class),
            entry(ATTENDANCE_RECORDED, Topics.GROUP_EVENTS, AttendanceRecordedData.class),
            entry(OUTCOME_RECORDED, Topics.OUTCOME_EVENTS, OutcomeData.class),
            entry(OUTCOME_CORRECTED, Topics.OUTCOME_EVENTS, OutcomeData.class),
            entry(FOLLOWUP_RECORDED, Topics.OUTCOME_EVENTS, FollowUpData.class),
            entry(FOLLOWUP_CORRECTED, Topics.OUTCOME_EVENTS, FollowUpData.class));

    private static Map.Entry<String, Definition> entry(String type, String topic, Class<? extends Record> data) {
        return Map.entry(type, new Definition(type, topic, data));
    }

    private EventTypes() { }
}
