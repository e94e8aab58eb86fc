package de.nrw.activation.participants.domain;

/** Neukunde (newly registered) or Bestandskunde (already in benefit receipt). */
public enum CustomerType { NEW, EXISTING }
