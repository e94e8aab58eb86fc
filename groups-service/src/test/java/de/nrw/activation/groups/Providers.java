package de.nrw.activation.groups;

import io.agroal.api.AgroalDataSource;

import java.util.List;
import java.util.Map;

/**
 * Groups run by education providers for the provider-staff tests. Provider staff see a participation
 * until 40 days after its stay ended, so these groups run recently: from Monday 6 May 2013 to
 * Sunday 16 June 2013 (the tests' today is 3 June 2013), in a phase of 2013 that Herne and Bochum
 * take part in (the model project's phases are over or lack them).
 */
final class Providers {

    static final String START = "2013-05-06";
    static final String END = "2013-06-16";
    /** The group's first session, held (attendance can be recorded). */
    static final String FIRST_SESSION = "2013-05-06";

    private static String phase;

    private Providers() { }

    /** One phase of 2013 for Herne and Bochum, added once per test run. */
    static synchronized String phase() {
        if (phase == null) {
            String id = "PROVIDERS_" + System.nanoTime();
            Fixtures.asCoordinator().body(Map.of("id", id, "name", "Regelbetrieb 2013 " + id, "startDate", "2013-01-01",
                    "endDate", "2013-12-31", "jobcenterIds", List.of("herne", "bochum")))
                    .post("/api/v1/phases").then().statusCode(201);
            phase = id;
        }
        return phase;
    }

    /** A group of {@code jobcenter} run by {@code provider}, from {@link #START}. */
    static String group(String jobcenter, String provider) {
        return Fixtures.schedule(Fixtures.providerGroup(jobcenter, phase(), START, provider));
    }

    /** A Jobcenter-run group of {@code jobcenter} at the same time. */
    static String jobcenterGroup(String jobcenter) {
        return Fixtures.schedule(Fixtures.group(jobcenter, phase(), START));
    }

    /** A participant of {@code jobcenter} entering {@code group} on its first day: the participation id. */
    static String participation(AgroalDataSource db, String jobcenter, String group) {
        return Fixtures.enter(jobcenter, group, Fixtures.knownParticipant(db, jobcenter), START);
    }
}
