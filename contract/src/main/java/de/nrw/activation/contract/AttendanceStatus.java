package de.nrw.activation.contract;

/** A participant's attendance at one session. */
public enum AttendanceStatus {
    PRESENT, EXCUSED, UNEXCUSED
}
