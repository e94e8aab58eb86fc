package de.nrw.activation.groups.participation;

/**
 * Why a participation ended: the group's end ({@code COMPLETED}), early for a job or training
 * ({@code INTEGRATED}), left early without an integration ({@code DROPOUT}, Abbruch), or else.
 */
public enum ExitReason { COMPLETED, INTEGRATED, DROPOUT, OTHER }
