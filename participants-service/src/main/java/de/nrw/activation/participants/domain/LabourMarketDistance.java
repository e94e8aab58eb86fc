package de.nrw.activation.participants.domain;

/** The caseworker's profiling: marktnah (CLOSE) or marktfern (DISTANT). */
public enum LabourMarketDistance { CLOSE, DISTANT }
