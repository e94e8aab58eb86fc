package de.nrw.activation.outcomes.outcome;

/**
 * Where a participant is (Verbleib). The first three are integrations, the programme's goal;
 * a MINIJOB is reported separately and never counts as one.
 */
public enum OutcomeKind {
    /** Employment subject to social insurance (svB); may be temporary-agency work or fixed-term. */
    EMPLOYMENT,
    /** Vocational training (Ausbildung). */
    APPRENTICESHIP,
    /** Self-employment (Selbständigkeit). */
    SELF_EMPLOYMENT,
    /** Marginal employment. */
    MINIJOB,
    /** Still unemployed. */
    UNEMPLOYED,
    /** Other whereabouts: another measure, illness, moved away, ... */
    OTHER;

    public boolean isIntegration() {
        return this == EMPLOYMENT || this == APPRENTICESHIP || this == SELF_EMPLOYMENT;
    }
}
