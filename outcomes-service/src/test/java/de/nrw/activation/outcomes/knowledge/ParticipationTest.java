package de.nrw.activation.outcomes.knowledge;

import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ProviderType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each lifecycle event changes in a participation, whatever came before: the rules that make
 * the consumer order-independent, without Quarkus or a database.
 */
class ParticipationTest {

    private static final UUID PARTICIPATION = UUID.randomUUID();
    private static final UUID PARTICIPANT = UUID.randomUUID();
    private static final UUID FIRST_GROUP = UUID.randomUUID();
    private static final UUID SECOND_GROUP = UUID.randomUUID();
    private static final UUID THIRD_GROUP = UUID.randomUUID();
    private static final Instant T1 = Instant.parse("2012-04-27T10:00:00Z");
    private static final Instant T2 = Instant.parse("2012-05-02T09:00:00Z");
    private static final Instant T3 = Instant.parse("2012-05-03T09:00:00Z");

    private static Participation fresh() {
        Participation participation = new Participation();
        participation.id = PARTICIPATION;
        participation.participantId = PARTICIPANT;
        participation.jobcenterId = "herne";
        return participation;
    }

    private static ParticipationEnteredData entry() {
        return new ParticipationEnteredData(PARTICIPATION, PARTICIPANT, FIRST_GROUP, "herne", "PHASE_1",
                ProviderType.JOBCENTER, LocalDate.parse("2012-03-05"), null, null, null, null, null, null, null);
    }

    private static ParticipationExitedData exit(String date, ExitReason reason, Boolean groupCancelled) {
        return new ParticipationExitedData(PARTICIPATION, PARTICIPANT, FIRST_GROUP, "herne", null, null, null,
                LocalDate.parse(date), reason, groupCancelled);
    }

    private static ParticipationTransferredData transfer(UUID from, UUID to, String date, ProviderType provider) {
        return new ParticipationTransferredData(PARTICIPATION, PARTICIPANT, from, to, "herne", LocalDate.parse(date),
                provider, null, null);
    }

    @Test
    void anExitCorrectionBeatsTheOriginalExitInEitherOrder() {
        Participation inOrder = fresh();
        assertThat(inOrder.exit(exit("2012-04-27", ExitReason.COMPLETED, null), false, T1)).isTrue();
        assertThat(inOrder.exit(exit("2012-04-13", ExitReason.DROPOUT, null), true, T2)).isTrue();

        Participation correctionFirst = fresh();
        assertThat(correctionFirst.exit(exit("2012-04-13", ExitReason.DROPOUT, null), true, T2)).isTrue();
        assertThat(correctionFirst.exit(exit("2012-04-27", ExitReason.COMPLETED, null), false, T1)).isFalse();

        for (Participation p : new Participation[] {inOrder, correctionFirst}) {
            assertThat(p.exitDate).isEqualTo(LocalDate.parse("2012-04-13"));
            assertThat(p.exitReason).isEqualTo(ExitReason.DROPOUT);
            assertThat(p.exitCorrected).isTrue();
            assertThat(p.hasEnded()).isTrue();
        }
    }

    @Test
    void ofTwoCorrectionsTheOnePublishedLaterWinsWhicheverArrivesFirst() {
        Participation p = fresh();
        p.exit(exit("2012-04-20", ExitReason.OTHER, null), true, T3);
        assertThat(p.exit(exit("2012-04-13", ExitReason.DROPOUT, null), true, T2)).isFalse();
        assertThat(p.exitDate).isEqualTo(LocalDate.parse("2012-04-20"));
        assertThat(p.exitReason).isEqualTo(ExitReason.OTHER);
        // the same correction delivered again changes nothing
        assertThat(p.exit(exit("2012-04-20", ExitReason.OTHER, null), true, T3)).isTrue();
        assertThat(p.exitDate).isEqualTo(LocalDate.parse("2012-04-20"));
    }

    @Test
    void withoutAPublicationTimeTheLaterArrivalWins() {
        Participation p = fresh();
        p.exit(exit("2012-04-27", ExitReason.COMPLETED, null), false, null);
        assertThat(p.exit(exit("2012-04-26", ExitReason.COMPLETED, null), false, null)).isTrue();
        assertThat(p.exitDate).isEqualTo(LocalDate.parse("2012-04-26"));
    }

    @Test
    void anExitOfACancelledGroupIsMarkedAndACorrectionCarriesItsOwnMark() {
        Participation p = fresh();
        p.exit(exit("2012-04-02", ExitReason.OTHER, true), false, T1);
        assertThat(p.groupCancelled).isTrue();
        assertThat(p.exitReason).isEqualTo(ExitReason.OTHER);
        p.exit(exit("2012-03-30", ExitReason.DROPOUT, false), true, T2);
        assertThat(p.groupCancelled).isFalse();
    }

    @Test
    void anExitBeforeTheEntryFillsGapsAndTheEntryThenSetsItsOwnColumns() {
        Participation p = fresh();
        ParticipationExitedData early = new ParticipationExitedData(PARTICIPATION, PARTICIPANT, FIRST_GROUP, "herne",
                "PHASE_1", ProviderType.EDUCATION_PROVIDER, LocalDate.parse("2012-03-06"), LocalDate.parse("2012-04-27"),
                ExitReason.COMPLETED, null);
        p.exit(early, false, T1);
        assertThat(p.entryDate).isEqualTo(LocalDate.parse("2012-03-06"));
        p.enter(entry());
        assertThat(p.entryDate).isEqualTo(LocalDate.parse("2012-03-05"));
        assertThat(p.providerType).isEqualTo(ProviderType.JOBCENTER);
        assertThat(p.groupId).isEqualTo(FIRST_GROUP);
        assertThat(p.exitDate).isEqualTo(LocalDate.parse("2012-04-27"));
    }

    @Test
    void aTransferBeforeTheEntryKeepsTheNewGroup() {
        Participation p = fresh();
        p.transfer(transfer(FIRST_GROUP, SECOND_GROUP, "2012-03-19", ProviderType.EDUCATION_PROVIDER), T2);
        p.enter(entry());
        assertThat(p.groupId).isEqualTo(SECOND_GROUP);
        assertThat(p.providerType).isEqualTo(ProviderType.EDUCATION_PROVIDER);
        assertThat(p.entryDate).isEqualTo(LocalDate.parse("2012-03-05"));
        assertThat(p.phaseId).isEqualTo("PHASE_1");
    }

    @Test
    void ofTwoTransfersTheLaterOneWinsWhicheverArrivesFirst() {
        Participation p = fresh();
        p.enter(entry());
        assertThat(p.transfer(transfer(SECOND_GROUP, THIRD_GROUP, "2012-04-02", null), T3)).isTrue();
        assertThat(p.transfer(transfer(FIRST_GROUP, SECOND_GROUP, "2012-03-19", null), T2)).isFalse();
        assertThat(p.groupId).isEqualTo(THIRD_GROUP);
        assertThat(p.transferredOn).isEqualTo(LocalDate.parse("2012-04-02"));
        // without a provider type in the transfer, the known one stays
        assertThat(p.providerType).isEqualTo(ProviderType.JOBCENTER);
    }

    @Test
    void aWithdrawalIsFinalAndKeepsItsFirstTime() {
        Participation p = fresh();
        p.withdraw(FIRST_GROUP, T1);
        p.withdraw(FIRST_GROUP, T2);
        p.enter(entry());
        p.exit(exit("2012-04-27", ExitReason.COMPLETED, null), false, T3);
        assertThat(p.isWithdrawn()).isTrue();
        assertThat(p.withdrawnAt).isEqualTo(T1);
        assertThat(p.groupId).isEqualTo(FIRST_GROUP);
    }
}
