package de.nrw.activation.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A phase of its own with three Jobcenters, for the coordinator's cross-Jobcenter view:
 * <pre>
 *  small   N = 2: both still in the group (open)                      the coordinator sees N as 0, 3 or 4
 *  medium  N = 5: 4 employments, 1 minijob                            the minijob as 0, 3 or 4
 *  large   N = 10: 4 employments, 3 unemployed, 3 other                each count within 2 of the truth
 *  total   N = 17: 8 integrations, 1 minijob, 3 unemployed, 3 other, 2 open
 * </pre>
 * Staff of each Jobcenter see their own row exactly.
 */
record ThreeJobcenters(String phase, String small, String medium, String large, List<UUID> eventIds) {

    static ThreeJobcenters send() {
        String phase = Scenario.uniquePhase();
        Scenario small = new Scenario(Scenario.uniqueJobcenter(), phase);
        small.join("2012-01-09");
        small.join("2012-01-09");

        Scenario medium = new Scenario(Scenario.uniqueJobcenter(), phase);
        for (int i = 0; i < 5; i++) {
            Scenario.Part p = medium.join("2012-01-09");
            medium.exit(p, "2012-02-17", "COMPLETED");
            medium.outcome(p, i < 4 ? "EMPLOYMENT" : "MINIJOB", "2012-03-01");
        }

        Scenario large = new Scenario(Scenario.uniqueJobcenter(), phase);
        for (int i = 0; i < 10; i++) {
            Scenario.Part p = large.join("2012-01-09");
            large.exit(p, "2012-02-17", "COMPLETED");
            large.outcome(p, i < 4 ? "EMPLOYMENT" : i < 7 ? "UNEMPLOYED" : "OTHER", i < 4 ? "2012-03-01" : "2012-02-20");
        }
        List<UUID> ids = new ArrayList<>();
        for (Scenario s : List.of(small, medium, large)) {
            s.send();
            ids.addAll(s.eventIds());
        }
        return new ThreeJobcenters(phase, small.jobcenter, medium.jobcenter, large.jobcenter, ids);
    }
}
