package de.nrw.activation.platform.security;

/** The roles of the contract, as they appear in a token's {@code groups} claim. */
public final class Roles {
    public static final String STAFF = "jobcenter-staff";
    public static final String COORDINATOR = "coordinator";
    public static final String OPS = "ops";
    /** Staff of a contracted education provider (claims {@code provider} and {@code jobcenter}). */
    public static final String PROVIDER_STAFF = "provider-staff";
    /** The data-protection officer of a Jobcenter (claim {@code jobcenter}). */
    public static final String DATA_PROTECTION = "data-protection";

    private Roles() { }
}
