package de.nrw.activation.contract;

/** New customer, or one already in benefit receipt (Neu-/Bestandskunde). */
public enum CustomerType {
    NEW, EXISTING
}
