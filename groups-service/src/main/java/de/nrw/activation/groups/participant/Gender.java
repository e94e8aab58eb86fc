package de.nrw.activation.groups.participant;

public enum Gender { FEMALE, MALE, DIVERSE, UNSPECIFIED }
