package de.nrw.activation.contract;

/** A group is scheduled until it is cancelled. */
public enum GroupStatus {
    SCHEDULED, CANCELLED
}
