package de.nrw.activation.groups;

/** Patterns shared by the request records of this service. */
public final class Validation {

    /** Jobcenter ids are lower-case ASCII slugs such as {@code kreis-coesfeld}. */
    public static final String JOBCENTER_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String JOBCENTER_MESSAGE = "must be a lower-case slug such as kreis-coesfeld";
    /** Phase ids are upper-case words such as {@code PHASE_1} or {@code REGULAR_2014}. */
    public static final String PHASE_PATTERN = "[A-Z][A-Z0-9_]*";
    public static final String PHASE_MESSAGE = "must be upper case, digits and underscores, such as PHASE_1";

    /** Education providers' ids are lower-case ASCII slugs too, such as {@code bildungswerk-ruhr} (the token claim {@code provider}). */
    public static final String PROVIDER_PATTERN = JOBCENTER_PATTERN;
    public static final String PROVIDER_MESSAGE = "must be a lower-case slug such as bildungswerk-ruhr";

    private Validation() { }
}
