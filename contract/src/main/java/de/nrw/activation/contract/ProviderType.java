package de.nrw.activation.contract;

/** Who runs a group: the Jobcenter itself or a contracted education provider (Bildungsträger). */
public enum ProviderType {
    JOBCENTER, EDUCATION_PROVIDER
}
