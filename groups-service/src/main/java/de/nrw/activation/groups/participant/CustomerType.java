package de.nrw.activation.groups.participant;

/** Neukunde or Bestandskunde. */
public enum CustomerType { NEW, EXISTING }
