package de.nrw.activation.groups.participant;

/** marktnah or marktfern. */
public enum LabourMarketDistance { CLOSE, DISTANT }
