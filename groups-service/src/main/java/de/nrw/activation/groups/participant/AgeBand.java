package de.nrw.activation.groups.participant;

/** The SGB II statistics' age bands, as participant-events report them. */
public enum AgeBand { UNDER_25, AGE_25_TO_49, AGE_50_PLUS }
