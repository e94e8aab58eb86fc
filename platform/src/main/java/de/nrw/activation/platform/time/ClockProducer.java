package de.nrw.activation.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/** The suite's clock: German local time, since every date rule (due, future, age) is a German date. */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZONE);
    }
}
