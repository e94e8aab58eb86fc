package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.OutcomeKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.contract.OutcomeKind.APPRENTICESHIP;
import static de.nrw.activation.contract.OutcomeKind.EMPLOYMENT;
import static de.nrw.activation.contract.OutcomeKind.MINIJOB;
import static de.nrw.activation.contract.OutcomeKind.OTHER;
import static de.nrw.activation.contract.OutcomeKind.SELF_EMPLOYMENT;
import static de.nrw.activation.contract.OutcomeKind.UNEMPLOYED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classification rules of domain.md ("Indicators") without a database: the precedence
 * integration > minijob > (not ended: open) > unemployed > other > dropout > open, the window
 * (entry .. exit + 3 months inclusive, month-end), the status 3 months after exit, fast
 * integrations and the kind of integration.
 */
class ClassificationTest {

    private static final LocalDate ENTRY = LocalDate.of(2012, 1, 9);
    private static final LocalDate EXIT = LocalDate.of(2012, 2, 17);

    private final List<Classification.Outcome> outcomes = new ArrayList<>();
    private final Map<Checkpoint, OutcomeKind> checkpoints = new EnumMap<>(Checkpoint.class);
    private int eventSecond;

    private void outcome(OutcomeKind kind, String startDate) {
        outcome(kind, startDate, false, false);
    }

    private void outcome(OutcomeKind kind, String startDate, boolean temporaryAgency, boolean fixedTerm) {
        outcomes.add(new Classification.Outcome(UUID.randomUUID(), kind, LocalDate.parse(startDate), temporaryAgency,
                fixedTerm, OffsetDateTime.of(2012, 9, 1, 8, 0, eventSecond++, 0, ZoneOffset.UTC)));
    }

    private Classification.Result ended(ExitReason reason) {
        return Classification.classify(new Classification.Participation(ENTRY, EXIT, reason, false), outcomes, checkpoints);
    }

    private Classification.Result notEnded() {
        return Classification.classify(new Classification.Participation(ENTRY, null, null, false), outcomes, checkpoints);
    }

    @Test
    void theWindowEndsThreeMonthsAfterExitOrOnThatMonthsLastDay() {
        assertThat(Classification.windowEnd(LocalDate.of(2012, 2, 17))).isEqualTo(LocalDate.of(2012, 5, 17));
        assertThat(Classification.windowEnd(LocalDate.of(2011, 11, 30))).isEqualTo(LocalDate.of(2012, 2, 29));
        assertThat(Classification.windowEnd(LocalDate.of(2012, 11, 30))).isEqualTo(LocalDate.of(2013, 2, 28));
        assertThat(Classification.windowEnd(LocalDate.of(2012, 5, 31))).isEqualTo(LocalDate.of(2012, 8, 31));
    }

    @Test
    void anIntegrationOnTheWindowsLastDayCountsAndOneDayLaterDoesNot() {
        outcome(EMPLOYMENT, "2012-05-17");
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.INTEGRATION);

        outcomes.clear();
        outcome(EMPLOYMENT, "2012-05-18");
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.OPEN);
    }

    @Test
    void theWindowAtTheMonthEndRunsToTheLastDayOfFebruary() {
        Classification.Participation p = new Classification.Participation(LocalDate.of(2011, 11, 7),
                LocalDate.of(2011, 11, 30), ExitReason.COMPLETED, false);
        outcome(EMPLOYMENT, "2012-02-29");
        assertThat(Classification.classify(p, outcomes, checkpoints).category()).isEqualTo(Category.INTEGRATION);
        outcomes.clear();
        outcome(EMPLOYMENT, "2012-03-01");
        assertThat(Classification.classify(p, outcomes, checkpoints).category()).isEqualTo(Category.OPEN);
    }

    @Test
    void anOutcomeBeforeEntryIsNoIntegrationOfThisParticipation() {
        outcome(EMPLOYMENT, "2012-01-08");
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.OPEN);
        assertThat(notEnded().category()).isEqualTo(Category.OPEN);
    }

    @Test
    void anIntegrationWinsOverAMinijobAndEverythingElse() {
        outcome(MINIJOB, "2012-03-01");
        outcome(UNEMPLOYED, "2012-03-15");
        outcome(APPRENTICESHIP, "2012-04-01");
        checkpoints.put(Checkpoint.MONTH_3, UNEMPLOYED);
        Classification.Result result = ended(ExitReason.DROPOUT);
        assertThat(result.category()).isEqualTo(Category.INTEGRATION);
        assertThat(result.integrationKind()).isEqualTo(APPRENTICESHIP);
    }

    @Test
    void aMinijobWinsOverUnemployedOtherAndDropout() {
        outcome(MINIJOB, "2012-03-01");
        outcome(UNEMPLOYED, "2012-04-01");
        assertThat(ended(ExitReason.DROPOUT).category()).isEqualTo(Category.MINIJOB);
    }

    @Test
    void aMinijobOrAnIntegrationCountsBeforeTheParticipationHasEnded() {
        outcome(MINIJOB, "2012-01-20");
        assertThat(notEnded().category()).isEqualTo(Category.MINIJOB);
        outcome(EMPLOYMENT, "2012-01-25");
        assertThat(notEnded().category()).isEqualTo(Category.INTEGRATION);
    }

    @Test
    void aParticipationNotEndedIsOpenWhateverElseIsKnown() {
        outcome(UNEMPLOYED, "2012-01-20");
        checkpoints.put(Checkpoint.MONTH_3, OTHER);
        assertThat(notEnded().category()).isEqualTo(Category.OPEN);
    }

    @Test
    void unemployedWinsOverDropoutAndOtherWinsOverDropout() {
        outcome(UNEMPLOYED, "2012-02-18");
        assertThat(ended(ExitReason.DROPOUT).category()).isEqualTo(Category.UNEMPLOYED);
        outcomes.clear();
        outcome(OTHER, "2012-02-18");
        assertThat(ended(ExitReason.DROPOUT).category()).isEqualTo(Category.OTHER);
    }

    @Test
    void aDropoutWithNothingElseKnownIsADropoutAndAnyOtherExitIsOpen() {
        assertThat(ended(ExitReason.DROPOUT).category()).isEqualTo(Category.DROPOUT);
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.OPEN);
        assertThat(ended(ExitReason.OTHER).category()).isEqualTo(Category.OPEN);
    }

    @Test
    void theStatusThreeMonthsAfterExitIsTheMonth3CheckpointElseTheLatestOutcomeByThen() {
        outcome(OTHER, "2012-03-01");
        checkpoints.put(Checkpoint.MONTH_3, UNEMPLOYED);
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.UNEMPLOYED);

        checkpoints.clear();
        outcomes.clear();
        outcome(UNEMPLOYED, "2011-12-01"); // before entry: still the participant's status
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.UNEMPLOYED);
        outcome(OTHER, "2012-05-17");
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.OTHER);
        outcome(UNEMPLOYED, "2012-05-18"); // after exit + 3 months: too late to count
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.OTHER);
    }

    @Test
    void ofTwoOutcomesStartingTheSameDayTheLaterToldOneIsTheStatus() {
        outcome(OTHER, "2012-03-01");
        outcome(UNEMPLOYED, "2012-03-01");
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.UNEMPLOYED);
    }

    @Test
    void anExitOrMonth3CheckpointRecordingAnIntegrationOrMinijobCounts() {
        checkpoints.put(Checkpoint.EXIT, SELF_EMPLOYMENT);
        Classification.Result result = ended(ExitReason.COMPLETED);
        assertThat(result.category()).isEqualTo(Category.INTEGRATION);
        assertThat(result.integrationKind()).isEqualTo(SELF_EMPLOYMENT);
        assertThat(result.fastIntegration()).as("a checkpoint alone is no fast integration").isFalse();

        checkpoints.clear();
        checkpoints.put(Checkpoint.MONTH_3, MINIJOB);
        assertThat(ended(ExitReason.COMPLETED).category()).isEqualTo(Category.MINIJOB);

        checkpoints.clear();
        checkpoints.put(Checkpoint.MONTH_6, EMPLOYMENT);
        assertThat(ended(ExitReason.COMPLETED).category()).as("MONTH_6 is not in the window's rule").isEqualTo(Category.OPEN);
        assertThat(ended(ExitReason.COMPLETED).month6Status()).isEqualTo(EMPLOYMENT);
    }

    @Test
    void aParticipationIsProvisionalUntilTheLastDayOfItsWindowAlsoAtMonthEnds() {
        // exit 2012-02-20: window to 2012-05-20 inclusive
        assertThat(Classification.earliestProvisionalExit(LocalDate.of(2012, 5, 20))).isEqualTo(LocalDate.of(2012, 2, 20));
        assertThat(Classification.earliestProvisionalExit(LocalDate.of(2012, 5, 21))).isEqualTo(LocalDate.of(2012, 2, 21));
        // 30 Nov + 3 months = 29 Feb 2012: on 29 Feb exits from 29 Nov on are provisional (29 Nov + 3 months = 29 Feb)
        assertThat(Classification.earliestProvisionalExit(LocalDate.of(2012, 2, 29))).isEqualTo(LocalDate.of(2011, 11, 29));
        // on 1 March, 30 Nov's window (to 29 Feb) has passed; 1 Dec's (to 1 Mar) has not
        assertThat(Classification.earliestProvisionalExit(LocalDate.of(2012, 3, 1))).isEqualTo(LocalDate.of(2011, 12, 1));
        // 31 May 2011 - 3 months = 28 Feb, whose window ended 28 May: exits from 1 March on
        assertThat(Classification.earliestProvisionalExit(LocalDate.of(2011, 5, 31))).isEqualTo(LocalDate.of(2011, 3, 1));
        for (LocalDate today = LocalDate.of(2011, 1, 1); today.isBefore(LocalDate.of(2013, 1, 1)); today = today.plusDays(1)) {
            LocalDate threshold = Classification.earliestProvisionalExit(today);
            assertThat(Classification.windowEnd(threshold)).as("window of %s on %s", threshold, today).isAfterOrEqualTo(today);
            assertThat(Classification.windowEnd(threshold.minusDays(1))).isBefore(today);
        }
    }

    @Test
    void theMonth12CheckpointIsCarriedForTheSustainabilityAt12MonthsAndChangesNoCategory() {
        outcome(EMPLOYMENT, "2012-03-01");
        checkpoints.put(Checkpoint.MONTH_12, UNEMPLOYED);
        Classification.Result result = ended(ExitReason.DROPOUT);
        assertThat(result.month12Status()).isEqualTo(UNEMPLOYED);
        assertThat(result.month6Status()).isNull();
        assertThat(result.category()).as("a dropout employed after the exit is an integration").isEqualTo(Category.INTEGRATION);
    }

    @Test
    void aFastIntegrationStartsOnOrAfterEntryAndBeforeTheExitDate() {
        outcome(EMPLOYMENT, "2012-02-16");
        assertThat(ended(ExitReason.INTEGRATED).fastIntegration()).isTrue();
        outcomes.clear();
        outcome(EMPLOYMENT, "2012-02-17");
        assertThat(ended(ExitReason.INTEGRATED).fastIntegration()).isFalse();
        assertThat(ended(ExitReason.INTEGRATED).category()).isEqualTo(Category.INTEGRATION);
        outcomes.clear();
        outcome(EMPLOYMENT, "2012-01-09");
        assertThat(notEnded().fastIntegration()).isTrue();
    }

    @Test
    void theKindAndFormAreThoseOfTheEarliestIntegrationInTheWindow() {
        outcome(SELF_EMPLOYMENT, "2012-04-01");
        outcome(EMPLOYMENT, "2012-03-01", true, true);
        checkpoints.put(Checkpoint.EXIT, APPRENTICESHIP);
        Classification.Result result = ended(ExitReason.COMPLETED);
        assertThat(result.integrationKind()).isEqualTo(EMPLOYMENT);
        assertThat(result.temporaryAgency()).isTrue();
        assertThat(result.fixedTerm()).isTrue();
    }

    @Test
    void aParticipationWithoutEntryOrWithdrawnIsCountedNowhere() {
        outcome(EMPLOYMENT, "2012-03-01");
        assertThat(Classification.classify(new Classification.Participation(null, EXIT, ExitReason.COMPLETED, false),
                outcomes, checkpoints).category()).isNull();
        Classification.Result withdrawn = Classification.classify(
                new Classification.Participation(ENTRY, EXIT, ExitReason.COMPLETED, true), outcomes, checkpoints);
        assertThat(withdrawn.category()).isNull();
        assertThat(withdrawn.fastIntegration()).isFalse();
        assertThat(withdrawn.integrationKind()).isNull();
    }
}
