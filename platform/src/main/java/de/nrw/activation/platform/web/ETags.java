package de.nrw.activation.platform.web;

import de.nrw.activation.platform.problem.ProblemException;

/** Strong ETags from an entity's version; {@code If-Match} checks for updates (412 when stale). */
public final class ETags {

    private ETags() { }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** No header: the update goes ahead (last writer wins, as without ETags). */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw ProblemException.stale(current);
    }
}
