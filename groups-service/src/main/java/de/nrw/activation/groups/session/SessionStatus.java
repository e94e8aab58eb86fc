package de.nrw.activation.groups.session;

/** A session is held as scheduled unless it was cancelled. */
public enum SessionStatus {
    SCHEDULED, CANCELLED
}
