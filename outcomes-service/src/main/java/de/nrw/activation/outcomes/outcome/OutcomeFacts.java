package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.contract.OutcomeKind;

import java.time.LocalDate;

/**
 * The recordable part of an outcome, normalised: absent flags are false, a blank employer is none.
 */
public record OutcomeFacts(OutcomeKind kind, LocalDate startDate, boolean temporaryAgency, boolean fixedTerm,
                           String employer) {

    public static OutcomeFacts of(OutcomeKind kind, LocalDate startDate, Boolean temporaryAgency, Boolean fixedTerm,
                                  String employer) {
        String name = employer == null || employer.isBlank() ? null : employer.strip();
        return new OutcomeFacts(kind, startDate, Boolean.TRUE.equals(temporaryAgency), Boolean.TRUE.equals(fixedTerm), name);
    }
}
