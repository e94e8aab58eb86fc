package de.nrw.activation.outcomes.outcome;

import de.nrw.activation.contract.OutcomeKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Which whereabouts count as an integration, without Quarkus. */
class OutcomeKindsTest {

    @Test
    void employmentApprenticeshipAndSelfEmploymentAreIntegrationsAMinijobIsNot() {
        assertThat(Arrays.stream(OutcomeKind.values()).filter(OutcomeKinds::isIntegration))
                .containsExactlyInAnyOrder(OutcomeKind.EMPLOYMENT, OutcomeKind.APPRENTICESHIP, OutcomeKind.SELF_EMPLOYMENT);
        assertThat(OutcomeKinds.isIntegration(OutcomeKind.MINIJOB)).isFalse();
        assertThat(OutcomeKinds.isIntegration(OutcomeKind.UNEMPLOYED)).isFalse();
        assertThat(OutcomeKinds.isIntegration(OutcomeKind.OTHER)).isFalse();
    }
}
