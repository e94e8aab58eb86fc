package de.nrw.activation.contract;

/** Gender, as the participant's profile records it. */
public enum Gender {
    FEMALE, MALE, DIVERSE, UNSPECIFIED
}
