package de.nrw.activation.contract;

/** The caseworker's profiling: close to or far from the labour market (marktnah / marktfern). */
public enum LabourMarketDistance {
    CLOSE, DISTANT
}
