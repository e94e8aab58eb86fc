package de.nrw.activation.participants.domain;

import java.time.LocalDate;
import java.time.Period;

/** The SGB II statistics' age bands, as of a given day. */
public enum AgeBand {
    UNDER_25, AGE_25_TO_49, AGE_50_PLUS;

    public static AgeBand of(LocalDate dateOfBirth, LocalDate on) {
        int age = Period.between(dateOfBirth, on).getYears();
        if (age < 25) {
            return UNDER_25;
        }
        return age < 50 ? AGE_25_TO_49 : AGE_50_PLUS;
    }
}
