package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.contract.OutcomeKind;

/**
 * The programme's reading of an outcome kind. The kinds themselves are the contract's; which of
 * them count as an integration is this service's rule: employment subject to social insurance
 * (svB), an apprenticeship or self-employment. A minijob never counts as one.
 */
public final class OutcomeKinds {

    private OutcomeKinds() { }

    public static boolean isIntegration(OutcomeKind kind) {
        return switch (kind) {
            case EMPLOYMENT, APPRENTICESHIP, SELF_EMPLOYMENT -> true;
            case MINIJOB, UNEMPLOYED, OTHER -> false;
        };
    }
}
