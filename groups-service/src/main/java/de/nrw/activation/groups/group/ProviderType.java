package de.nrw.activation.groups.group;

/** Who runs a group: the Jobcenter itself, or a contracted education provider (Bildungsträger). */
public enum ProviderType {
    JOBCENTER, EDUCATION_PROVIDER
}
