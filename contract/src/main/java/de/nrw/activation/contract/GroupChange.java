package de.nrw.activation.contract;

/** What a {@code group.changed.v1} event reports as changed. */
public enum GroupChange {
    SESSION_CANCELLED, SESSION_MOVED, DETAILS_CHANGED
}
