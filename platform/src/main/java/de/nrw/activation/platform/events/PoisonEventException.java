package de.nrw.activation.platform.events;

/**
 * A record that no retry can ever apply (not JSON, unknown type, missing fields).
 * Consumers park it (dead letter) and go on; the message never holds personal data.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }
}
