package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.OutcomeKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The indicator definitions of domain.md ("Indicators") for one participation, from the facts
 * known of it and of its participant. Every counted participation (entry known, not withdrawn)
 * falls in exactly one category, by precedence:
 * <ol>
 *   <li>INTEGRATION: an EMPLOYMENT, APPRENTICESHIP or SELF_EMPLOYMENT outcome starts inside the
 *       window, or the EXIT or MONTH_3 checkpoint records one;</li>
 *   <li>MINIJOB: the same for MINIJOB;</li>
 *   <li>OPEN: not ended yet (and none of the above);</li>
 *   <li>UNEMPLOYED, then OTHER: the status 3 months after exit, i.e. the MONTH_3 checkpoint if
 *       recorded, else the latest outcome started on or before exit + 3 months;</li>
 *   <li>DROPOUT: exit reason DROPOUT;</li>
 *   <li>OPEN: ended, but nothing of the above is known (yet).</li>
 * </ol>
 * The window runs from the entry date to exit + 3 months inclusive ({@link #windowEnd}); a
 * participation not ended yet has an open window. A fast integration is an integration outcome
 * starting on or after entry and before the exit date (a checkpoint alone does not make one).
 * The integration's kind (and for employment: temporary agency, fixed term) is that of the
 * earliest integration outcome in the window, else the checkpoint's kind.
 *
 * <p>Pure: no database, no clock. The projection loads the facts of every participant a batch
 * touches and stores the results ({@link Reclassification}).
 */
public final class Classification {

    /** The outcome kinds that are an integration (Integration in the glossary). */
    public static final Set<OutcomeKind> INTEGRATIONS =
            EnumSet.of(OutcomeKind.EMPLOYMENT, OutcomeKind.APPRENTICESHIP, OutcomeKind.SELF_EMPLOYMENT);
    /** Employment subject to social insurance, as the placement rate counts it. */
    public static final Set<OutcomeKind> PLACEMENTS = EnumSet.of(OutcomeKind.EMPLOYMENT, OutcomeKind.APPRENTICESHIP);

    /** What is known of a participation. */
    public record Participation(LocalDate entryDate, LocalDate exitDate, ExitReason exitReason, boolean withdrawn) { }

    /** An outcome of the participant (any participation of theirs). */
    public record Outcome(UUID outcomeId, OutcomeKind kind, LocalDate startDate, boolean temporaryAgency,
                          boolean fixedTerm, OffsetDateTime eventTime) { }

    /** The derived figures of a participation; {@code category} null: counted nowhere. */
    public record Result(Category category, boolean fastIntegration, OutcomeKind integrationKind,
                         boolean temporaryAgency, boolean fixedTerm, OutcomeKind month6Status,
                         OutcomeKind month12Status) { }

    // Ties are broken as the projection always has: by outcome id for the earliest integration,
    // by event time, then outcome id for the latest status.
    private static final Comparator<Outcome> EARLIEST = Comparator.comparing(Outcome::startDate)
            .thenComparing(Outcome::outcomeId, Stamp.UUID_ORDER);
    private static final Comparator<Outcome> LATEST = Comparator.comparing(Outcome::startDate)
            .thenComparing(Outcome::eventTime)
            .thenComparing(Outcome::outcomeId, Stamp.UUID_ORDER);

    private Classification() { }

    /** The last day of a participation's window: the same day 3 months after exit, or that month's last day. */
    public static LocalDate windowEnd(LocalDate exitDate) {
        return exitDate.plusMonths(3);
    }

    /**
     * The earliest exit date whose window has not passed on {@code today} (today <= exit + 3 months):
     * a participation that ended on or after it, or has not ended, is provisional. A threshold on the
     * exit date (not exit + 3 months compared with today) so the reports' query can use an index;
     * found from today - 3 months, since month ends make plusMonths not invertible (31 May - 3 months =
     * 28 Feb, whose window ends 28 May).
     */
    public static LocalDate earliestProvisionalExit(LocalDate today) {
        LocalDate exit = today.minusMonths(3);
        while (windowEnd(exit).isBefore(today)) {
            exit = exit.plusDays(1);
        }
        while (!windowEnd(exit.minusDays(1)).isBefore(today)) {
            exit = exit.minusDays(1);
        }
        return exit;
    }

    public static Result classify(Participation p, Collection<Outcome> outcomes, Map<Checkpoint, OutcomeKind> checkpoints) {
        OutcomeKind month6 = checkpoints.get(Checkpoint.MONTH_6);
        OutcomeKind month12 = checkpoints.get(Checkpoint.MONTH_12);
        if (p.entryDate() == null || p.withdrawn()) {
            return new Result(null, false, null, false, false, month6, month12);
        }
        LocalDate windowEnd = p.exitDate() == null ? null : windowEnd(p.exitDate());
        Optional<Outcome> firstIntegration = outcomes.stream()
                .filter(o -> INTEGRATIONS.contains(o.kind()) && inWindow(o, p.entryDate(), windowEnd))
                .min(EARLIEST);
        OutcomeKind checkedIntegration = checkedAtExitOrMonth3(checkpoints, INTEGRATIONS);
        boolean minijob = outcomes.stream()
                .anyMatch(o -> o.kind() == OutcomeKind.MINIJOB && inWindow(o, p.entryDate(), windowEnd))
                || checkedAtExitOrMonth3(checkpoints, EnumSet.of(OutcomeKind.MINIJOB)) != null;
        boolean fast = outcomes.stream().anyMatch(o -> INTEGRATIONS.contains(o.kind())
                && !o.startDate().isBefore(p.entryDate()) && (p.exitDate() == null || o.startDate().isBefore(p.exitDate())));

        Category category;
        if (firstIntegration.isPresent() || checkedIntegration != null) {
            category = Category.INTEGRATION;
        } else if (minijob) {
            category = Category.MINIJOB;
        } else if (p.exitDate() == null) {
            category = Category.OPEN;
        } else {
            OutcomeKind after3Months = statusAfter3Months(outcomes, checkpoints, windowEnd);
            if (after3Months == OutcomeKind.UNEMPLOYED) {
                category = Category.UNEMPLOYED;
            } else if (after3Months == OutcomeKind.OTHER) {
                category = Category.OTHER;
            } else if (p.exitReason() == ExitReason.DROPOUT) {
                category = Category.DROPOUT;
            } else {
                category = Category.OPEN;
            }
        }
        return new Result(category, fast, firstIntegration.map(Outcome::kind).orElse(checkedIntegration),
                firstIntegration.map(Outcome::temporaryAgency).orElse(false),
                firstIntegration.map(Outcome::fixedTerm).orElse(false), month6, month12);
    }

    /** The MONTH_3 checkpoint if recorded, else the latest outcome started on or before exit + 3 months. */
    static OutcomeKind statusAfter3Months(Collection<Outcome> outcomes, Map<Checkpoint, OutcomeKind> checkpoints,
                                          LocalDate windowEnd) {
        OutcomeKind month3 = checkpoints.get(Checkpoint.MONTH_3);
        if (month3 != null) {
            return month3;
        }
        return outcomes.stream().filter(o -> !o.startDate().isAfter(windowEnd)).max(LATEST)
                .map(Outcome::kind).orElse(null);
    }

    private static boolean inWindow(Outcome o, LocalDate entryDate, LocalDate windowEnd) {
        return !o.startDate().isBefore(entryDate) && (windowEnd == null || !o.startDate().isAfter(windowEnd));
    }

    /** The EXIT checkpoint's status if it is one of {@code kinds}, else the MONTH_3 checkpoint's, else null. */
    private static OutcomeKind checkedAtExitOrMonth3(Map<Checkpoint, OutcomeKind> checkpoints, Set<OutcomeKind> kinds) {
        for (Checkpoint checkpoint : new Checkpoint[] {Checkpoint.EXIT, Checkpoint.MONTH_3}) {
            OutcomeKind status = checkpoints.get(checkpoint);
            if (status != null && kinds.contains(status)) {
                return status;
            }
        }
        return null;
    }
}
