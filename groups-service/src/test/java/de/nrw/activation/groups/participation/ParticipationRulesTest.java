package de.nrw.activation.groups.participation;

import de.nrw.activation.platform.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The date rules of exits, cancellation exits and transfers, without Quarkus or a database. */
class ParticipationRulesTest {

    private static final LocalDate ENTRY = LocalDate.of(2013, 5, 27);
    private static final LocalDate GROUP_END = LocalDate.of(2013, 7, 7);
    private static final LocalDate TODAY = LocalDate.of(2013, 6, 3);

    @Test
    void anExitLiesBetweenTheFirstDayInTheGroupAndTheGroupsEndAndNotInTheFuture() {
        assertThatCode(() -> ParticipationRules.checkExit(ENTRY, ENTRY, true, GROUP_END, null, TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> ParticipationRules.checkExit(TODAY, ENTRY, true, GROUP_END, null, TODAY)).doesNotThrowAnyException();
        assertRule(() -> ParticipationRules.checkExit(ENTRY.minusDays(1), ENTRY, true, GROUP_END, null, TODAY), "exit-before-entry");
        assertRule(() -> ParticipationRules.checkExit(TODAY.plusDays(1), ENTRY, true, GROUP_END, null, TODAY), "exit-in-future");
        LocalDate later = GROUP_END.plusDays(1);
        assertRule(() -> ParticipationRules.checkExit(later, ENTRY, true, GROUP_END, null, later), "exit-after-group-end");
        assertThatCode(() -> ParticipationRules.checkExit(GROUP_END, ENTRY, true, GROUP_END, null, later))
                .doesNotThrowAnyException();
    }

    @Test
    void afterATransferTheExitLiesInTheNewGroupsStay() {
        LocalDate transferred = LocalDate.of(2013, 5, 30);
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> ParticipationRules.checkExit(transferred.minusDays(1), transferred, false, GROUP_END, null, TODAY));
        assertThat(problem.extensions()).containsEntry("rule", "exit-before-entry");
        assertThat(problem.getMessage()).contains("first day in the current group");
        assertThatCode(() -> ParticipationRules.checkExit(transferred, transferred, false, GROUP_END, null, TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void aCancelledGroupsExitIsNotLaterThanTheCancellation() {
        LocalDate cancelled = LocalDate.of(2013, 5, 31);
        assertThatCode(() -> ParticipationRules.checkExit(cancelled, ENTRY, true, GROUP_END, cancelled, TODAY))
                .doesNotThrowAnyException();
        assertRule(() -> ParticipationRules.checkExit(cancelled.plusDays(1), ENTRY, true, GROUP_END, cancelled, TODAY),
                "exit-after-group-cancelled");
        // a participation due to start after the cancellation ended on its first day
        LocalDate dueToStart = LocalDate.of(2013, 6, 10);
        assertThatCode(() -> ParticipationRules.checkExit(dueToStart, dueToStart, true, GROUP_END, cancelled, dueToStart))
                .doesNotThrowAnyException();
    }

    @Test
    void aCancellationEndsAParticipationOnItsDateWithinTheStay() {
        assertThat(ParticipationRules.cancellationExit(TODAY, ENTRY, GROUP_END)).isEqualTo(TODAY);
        assertThat(ParticipationRules.cancellationExit(TODAY, LocalDate.of(2013, 6, 10), GROUP_END))
                .isEqualTo(LocalDate.of(2013, 6, 10));
        assertThat(ParticipationRules.cancellationExit(LocalDate.of(2013, 8, 1), ENTRY, GROUP_END)).isEqualTo(GROUP_END);
        assertThat(ParticipationRules.cancellationExit(ENTRY, ENTRY, GROUP_END)).isEqualTo(ENTRY);
    }

    @Test
    void aTransferLiesInTheNewGroupAfterTheFirstDayInTheCurrentOneWithoutAGap() {
        LocalDate currentEnd = LocalDate.of(2012, 4, 15);
        LocalDate first = LocalDate.of(2012, 3, 7);
        LocalDate newStart = LocalDate.of(2012, 3, 12);
        LocalDate newEnd = LocalDate.of(2012, 4, 22);
        assertThatCode(() -> ParticipationRules.checkTransfer(LocalDate.of(2012, 3, 19), first, currentEnd, newStart, newEnd))
                .doesNotThrowAnyException();
        assertThatCode(() -> ParticipationRules.checkTransfer(first.plusDays(5), first, currentEnd, newStart, newEnd))
                .doesNotThrowAnyException();
        assertThatCode(() -> ParticipationRules.checkTransfer(currentEnd.plusDays(1), first, currentEnd, newStart, newEnd))
                .doesNotThrowAnyException();
        assertRule(() -> ParticipationRules.checkTransfer(newStart.minusDays(1), first, currentEnd, newStart, newEnd),
                "transfer-outside-group-period");
        assertRule(() -> ParticipationRules.checkTransfer(newEnd.plusDays(1), first, currentEnd, newStart, newEnd),
                "transfer-outside-group-period");
        assertRule(() -> ParticipationRules.checkTransfer(first, first, currentEnd, first, newEnd), "transfer-before-entry");
        assertRule(() -> ParticipationRules.checkTransfer(currentEnd.plusDays(2), first, currentEnd, newStart, newEnd),
                "transfer-after-group-end");
    }

    private static void assertRule(ThrowingCallable call, String rule) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, call);
        assertThat(problem).as("expected rule " + rule).isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.extensions()).containsEntry("rule", rule);
    }
}
