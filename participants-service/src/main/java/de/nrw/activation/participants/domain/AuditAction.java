package de.nrw.activation.participants.domain;

/** What was done with a participant's personal data (the {@code action} of an audit entry). */
public enum AuditAction {
    REGISTER,
    /**
     * {@code GET /participants/{id}} (by staff: the whole record; by provider staff: the names);
     * also a registration answered again for its repeated {@code Idempotency-Key}, which shows the data again.
     */
    READ,
    READ_AGE_BAND,
    /** The participant was in the answer of a search or list: one entry per participant returned. */
    SEARCH,
    CHANGE,
    /** On request or by the retention job (actor {@link Actor#RETENTION}). */
    ERASE
}
