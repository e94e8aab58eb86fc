package de.nrw.activation.groups.exitproposal;

import de.nrw.activation.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state machine of an exit proposal: PENDING, then ACCEPTED or REJECTED, once. */
class ExitProposalStateTest {

    private static final Instant NOW = Instant.parse("2013-06-03T08:00:00Z");

    @Test
    void aNewProposalIsPending() {
        assertThat(new ExitProposal().status).isEqualTo(ExitProposalStatus.PENDING);
        assertThat(new ExitProposal().isPending()).isTrue();
    }

    @Test
    void acceptingRecordsWhoAndWhen() {
        ExitProposal proposal = new ExitProposal();
        proposal.accept("staff-herne", NOW);
        assertThat(proposal.status).isEqualTo(ExitProposalStatus.ACCEPTED);
        assertThat(proposal.decidedBy).isEqualTo("staff-herne");
        assertThat(proposal.decidedAt).isEqualTo(NOW);
        assertThat(proposal.rejectionReason).isNull();
    }

    @Test
    void rejectingRecordsTheReason() {
        ExitProposal proposal = new ExitProposal();
        proposal.reject("still attending", "staff-herne", NOW);
        assertThat(proposal.status).isEqualTo(ExitProposalStatus.REJECTED);
        assertThat(proposal.rejectionReason).isEqualTo("still attending");
        assertThat(proposal.decidedAt).isEqualTo(NOW);
    }

    @Test
    void aDecidedProposalCannotBeDecidedAgain() {
        ExitProposal accepted = new ExitProposal();
        accepted.accept("staff-herne", NOW);
        assertDecided(() -> accepted.accept("staff-herne", NOW));
        assertDecided(() -> accepted.reject("why", "staff-herne", NOW));
        assertThat(accepted.status).isEqualTo(ExitProposalStatus.ACCEPTED);

        ExitProposal rejected = new ExitProposal();
        rejected.reject("still attending", "staff-herne", NOW);
        assertDecided(() -> rejected.accept("staff-herne", NOW));
        assertDecided(() -> rejected.reject("again", "staff-herne", NOW));
        assertThat(rejected.status).isEqualTo(ExitProposalStatus.REJECTED);
        assertThat(rejected.rejectionReason).isEqualTo("still attending");
    }

    private static void assertDecided(Runnable decision) {
        assertThatThrownBy(decision::run).isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    assertThat(((ProblemException) e).status()).isEqualTo(409);
                    assertThat(((ProblemException) e).type()).isEqualTo("exit-proposal-decided");
                });
    }
}
