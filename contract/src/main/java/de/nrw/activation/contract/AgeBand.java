package de.nrw.activation.contract;

/** The SGB II statistics' age bands; a participation's band is the one on its entry date. */
public enum AgeBand {
    UNDER_25, AGE_25_TO_49, AGE_50_PLUS
}
