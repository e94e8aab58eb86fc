package de.nrw.activation.groups.group;

/** A group is scheduled until it is cancelled; a cancelled group takes no new participations. */
public enum GroupStatus {
    SCHEDULED, CANCELLED
}
