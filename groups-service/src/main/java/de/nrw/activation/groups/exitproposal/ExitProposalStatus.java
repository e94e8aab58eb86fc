package de.nrw.activation.groups.exitproposal;

/** Where an exit proposal stands: waiting for Jobcenter staff, or decided. */
public enum ExitProposalStatus {
    PENDING, ACCEPTED, REJECTED
}
