package de.nrw.activation.contract;

/** Why a participation ended. */
public enum ExitReason {
    COMPLETED, INTEGRATED, DROPOUT, OTHER
}
