package de.nrw.activation.groups.participation;

/**
 * Where a participation stands: in its group ({@code ACTIVE}, also while the exit is missing),
 * ended by an exit ({@code ENDED}), or withdrawn as entered by mistake ({@code WITHDRAWN}).
 */
public enum ParticipationStatus { ACTIVE, ENDED, WITHDRAWN }
