/**
 * The published language of the suite's events: topic names ({@link de.nrw.activation.contract.Topics}),
 * event type names ({@link de.nrw.activation.contract.EventTypes}), one record per event's {@code data}
 * and the enums of the contract. Producers build these records; consumers read {@code data} into them
 * with Jackson (unknown fields are tolerated; an unknown enum value or a missing
 * {@code required} field makes the event unreadable, and it is parked as a dead letter).
 *
 * <p>Schema only: no behaviour, no domain rules. A change here is a change of the contract
 * ({@code ../shared/spec/contract.md}): add fields, never rename or remove them within a {@code .v1} type.
 */
package de.nrw.activation.contract;
