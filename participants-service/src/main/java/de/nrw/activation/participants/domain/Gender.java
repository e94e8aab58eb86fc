package de.nrw.activation.participants.domain;

public enum Gender { FEMALE, MALE, DIVERSE, UNSPECIFIED }
