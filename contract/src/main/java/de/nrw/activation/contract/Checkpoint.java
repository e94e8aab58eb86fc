package de.nrw.activation.contract;

/** Follow-up checkpoints: at exit, and 3, 6 and 12 months after it. */
public enum Checkpoint {
    EXIT, MONTH_3, MONTH_6, MONTH_12
}
