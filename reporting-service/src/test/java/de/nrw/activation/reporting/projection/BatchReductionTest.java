package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.FollowUpData;
import de.nrw.activation.contract.OutcomeKind;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.Topics;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Within a batch, each fact keeps its newest version, whatever the order of the events. */
class BatchReductionTest {

    private static final UUID PARTICIPATION = UUID.randomUUID();
    private static final UUID PARTICIPANT = UUID.randomUUID();

    private static DecodedEvent at(int second, Record data) {
        OffsetDateTime time = OffsetDateTime.of(2012, 3, 1, 8, 0, second, 0, ZoneOffset.UTC);
        return new DecodedEvent("any", Topics.GROUP_EVENTS, time, new Stamp(time, UUID.randomUUID()), data);
    }

    private static ParticipationExitedData exit(String date, ExitReason reason) {
        return new ParticipationExitedData(PARTICIPATION, PARTICIPANT, null, "herne", null, null, null,
                LocalDate.parse(date), reason, null);
    }

    private static FollowUpData checkpoint(OutcomeKind status) {
        return new FollowUpData(UUID.randomUUID(), PARTICIPATION, PARTICIPANT, "herne", Checkpoint.MONTH_3, status, null);
    }

    @Test
    void theNewestExitAndCheckpointWinInAnyOrder() {
        List<DecodedEvent> events = new ArrayList<>(List.of(
                at(1, exit("2012-02-17", ExitReason.COMPLETED)),
                at(3, exit("2012-03-01", ExitReason.DROPOUT)),   // the correction
                at(2, checkpoint(OutcomeKind.UNEMPLOYED)),
                at(4, checkpoint(OutcomeKind.OTHER))));          // the corrected checkpoint
        for (int round = 0; round < 2; round++) {
            BatchReduction batch = new BatchReduction();
            events.forEach(batch::add);
            assertThat(batch.exits.get(PARTICIPATION).data().reason()).isEqualTo(ExitReason.DROPOUT);
            assertThat(batch.followUps.get(new BatchReduction.CheckpointKey(PARTICIPATION, Checkpoint.MONTH_3))
                    .data().status()).isEqualTo(OutcomeKind.OTHER);
            assertThat(batch.touchedParticipants).containsExactly(PARTICIPANT);
            assertThat(batch.progress.get(Topics.GROUP_EVENTS).applied).isEqualTo(4);
            Collections.reverse(events);
        }
    }

    @Test
    void ofTwoVersionsAtTheSameTimeTheHigherEventIdWinsAsInTheDatabase() {
        OffsetDateTime time = OffsetDateTime.of(2012, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        // as unsigned bytes (PostgreSQL's uuid order) 8000... is above 7fff...; as signed longs it is below
        Stamp high = new Stamp(time, UUID.fromString("80000000-0000-0000-0000-000000000000"));
        Stamp low = new Stamp(time, UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"));
        assertThat(high.isNewerThan(low)).isTrue();
        assertThat(low.isNewerThan(high)).isFalse();
    }

    @Test
    void theSameInstantWrittenWithAnotherOffsetIsTheSameTime() {
        UUID id = UUID.fromString("80000000-0000-0000-0000-000000000000");
        Stamp utc = new Stamp(OffsetDateTime.of(2012, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC), id);
        Stamp berlin = new Stamp(OffsetDateTime.of(2012, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(1)), id);
        assertThat(utc.isNewerThan(berlin)).isFalse();
        assertThat(berlin.isNewerThan(utc)).isFalse();
    }
}
