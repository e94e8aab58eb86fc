package de.nrw.activation.platform.security;

/** The roles of the contract, as they appear in a token's {@code groups} claim. */
public final class Roles {
    public static final String STAFF = "jobcenter-staff";
    public static final String COORDINATOR = "coordinator";
    public static final String OPS = "ops";

    private Roles() { }
}
