package de.nrw.activation.reporting.projection;

/** A fact as one event told it: the event's contract data and its {@link Stamp}. */
record Versioned<T extends Record>(T data, Stamp stamp) {

    static <T extends Record> Versioned<T> newer(Versioned<T> a, Versioned<T> b) {
        return b.stamp().isNewerThan(a.stamp()) ? b : a;
    }
}
