package de.nrw.activation.reporting.projection;

import java.time.OffsetDateTime;

/**
 * One event read into its contract record: {@code data} is the {@code data} of the event as
 * the contract's record for its type (for example {@link de.nrw.activation.contract.OutcomeData}).
 */
record DecodedEvent(String type, String topic, OffsetDateTime time, Stamp stamp, Record data) { }
