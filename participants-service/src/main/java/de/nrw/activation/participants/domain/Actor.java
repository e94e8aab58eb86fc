package de.nrw.activation.participants.domain;

import de.nrw.activation.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.List;

/**
 * Who accessed a participant's data, as the audit trail names them: the caller's principal
 * (an account id at the identity provider, never a participant's name) and role.
 */
public record Actor(String name, String role) {

    /** The scheduled retention job of this service. */
    public static final Actor RETENTION = new Actor("participants-service/retention", "system");

    /** The role that let the caller in, most specific first. */
    private static final List<String> ROLES = List.of(Roles.PROVIDER_STAFF, Roles.STAFF, Roles.DATA_PROTECTION,
            Roles.COORDINATOR, Roles.OPS);

    public static Actor of(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new Actor("anonymous", "none");
        }
        String role = ROLES.stream().filter(identity::hasRole).findFirst().orElse("unknown");
        return new Actor(identity.getPrincipal().getName(), role);
    }
}
