package de.nrw.activation.deploy;

import java.util.List;

/** The fixed facts about the four services that the manifests must agree with. */
final class Suite {

    record Svc(String name, int port, String database) {
        String cluster() {
            return database + "-db";
        }

        /** CloudNativePG names the application-user Secret "<cluster>-app". */
        String credentialsSecret() {
            return cluster() + "-app";
        }
    }

    static final List<Svc> SERVICES = List.of(
            new Svc("participants-service", 8081, "participants"),
            new Svc("groups-service", 8082, "groups"),
            new Svc("outcomes-service", 8083, "outcomes"),
            new Svc("reporting-service", 8084, "reporting"));

    static final List<String> TOPICS = List.of("participant-events", "group-events", "outcome-events");

    /** quarkus.shutdown.timeout of every service (platform microprofile-config.properties). */
    static final int QUARKUS_SHUTDOWN_SECONDS = 20;

    static final String SELECTOR_LABEL = "app.kubernetes.io/name";

    private Suite() {
    }
}
