package de.nrw.activation.reporting.projection;

import java.util.List;
import java.util.Map;

/** The topics and event types the read model is built from (contract: "Events"). */
public final class Topics {

    public static final String PARTICIPANT_EVENTS = "participant-events";
    public static final String GROUP_EVENTS = "group-events";
    public static final String OUTCOME_EVENTS = "outcome-events";
    public static final List<String> ALL = List.of(PARTICIPANT_EVENTS, GROUP_EVENTS, OUTCOME_EVENTS);

    public static final String PARTICIPANT_REGISTERED = "participant.registered.v1";
    public static final String PARTICIPANT_CHANGED = "participant.changed.v1";
    public static final String PARTICIPANT_ERASED = "participant.erased.v1";
    public static final String GROUP_SCHEDULED = "group.scheduled.v1";
    public static final String GROUP_CHANGED = "group.changed.v1";
    public static final String GROUP_CANCELLED = "group.cancelled.v1";
    public static final String PARTICIPATION_ENTERED = "participation.entered.v1";
    public static final String PARTICIPATION_EXITED = "participation.exited.v1";
    public static final String ATTENDANCE_RECORDED = "attendance.recorded.v1";
    public static final String OUTCOME_RECORDED = "outcome.recorded.v1";
    public static final String OUTCOME_CORRECTED = "outcome.corrected.v1";
    public static final String FOLLOWUP_RECORDED = "followup.recorded.v1";

    /** The topic each known event type is published on. */
    public static final Map<String, String> TOPIC_OF_TYPE = Map.ofEntries(
            Map.entry(PARTICIPANT_REGISTERED, PARTICIPANT_EVENTS),
            Map.entry(PARTICIPANT_CHANGED, PARTICIPANT_EVENTS),
            Map.entry(PARTICIPANT_ERASED, PARTICIPANT_EVENTS),
            Map.entry(GROUP_SCHEDULED, GROUP_EVENTS),
            Map.entry(GROUP_CHANGED, GROUP_EVENTS),
            Map.entry(GROUP_CANCELLED, GROUP_EVENTS),
            Map.entry(PARTICIPATION_ENTERED, GROUP_EVENTS),
            Map.entry(PARTICIPATION_EXITED, GROUP_EVENTS),
            Map.entry(ATTENDANCE_RECORDED, GROUP_EVENTS),
            Map.entry(OUTCOME_RECORDED, OUTCOME_EVENTS),
            Map.entry(OUTCOME_CORRECTED, OUTCOME_EVENTS),
            Map.entry(FOLLOWUP_RECORDED, OUTCOME_EVENTS));

    private Topics() { }
}
