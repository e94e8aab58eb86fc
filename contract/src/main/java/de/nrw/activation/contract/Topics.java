package de.nrw.activation.contract;

import java.util.List;

/** The suite's Kafka topics. Record key: the participant id (group-only events: the group id). */
public final class Topics {

    public static final String PARTICIPANT_EVENTS = "participant-events";
    public static final String GROUP_EVENTS = "group-events";
    public static final String OUTCOME_EVENTS = "outcome-events";

    public static final List<String> ALL = List.of(PARTICIPANT_EVENTS, GROUP_EVENTS, OUTCOME_EVENTS);

    private Topics() { }
}
