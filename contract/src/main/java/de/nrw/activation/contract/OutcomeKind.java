package de.nrw.activation.contract;

/** Where a participant is: the three integrations, a minijob, unemployed, or other whereabouts. */
public enum OutcomeKind {
    EMPLOYMENT, APPRENTICESHIP, SELF_EMPLOYMENT, MINIJOB, UNEMPLOYED, OTHER
}
