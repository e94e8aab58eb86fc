package de.nrw.activation.groups.attendance;

/** Anwesenheit: present, excused absence, or unexcused absence (recorded, never ignored). */
public enum AttendanceStatus { PRESENT, EXCUSED, UNEXCUSED }
