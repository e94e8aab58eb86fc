package de.nrw.activation.reporting.projection;

import de.nrw.activation.contract.AttendanceRecordedData;
import de.nrw.activation.contract.Checkpoint;
import de.nrw.activation.contract.FollowUpData;
import de.nrw.activation.contract.GroupCancelledData;
import de.nrw.activation.contract.GroupData;
import de.nrw.activation.contract.OutcomeData;
import de.nrw.activation.contract.ParticipantErasedData;
import de.nrw.activation.contract.ParticipantProfileData;
import de.nrw.activation.contract.ParticipationEnteredData;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationTransferredData;
import de.nrw.activation.contract.ParticipationWithdrawnData;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A batch of decoded events reduced to the newest version of each fact: one profile per
 * participant, one group, one entry, one exit (recorded or corrected), one transfer per
 * participation, one version per outcome and per checkpoint. What the writers then store is
 * the same whatever order the events had inside the batch, and the writers' own "newer wins"
 * rule makes it the same across batches. It also remembers whose categories the batch may
 * change (the touched participants) and what it applied per topic.
 */
final class BatchReduction {

    record CheckpointKey(UUID participationId, Checkpoint checkpoint) { }

    /** Per topic: events applied and the newest event time. */
    static final class TopicProgress {
        long applied;
        OffsetDateTime lastEventTime;
    }

    final Map<UUID, Versioned<ParticipantProfileData>> profiles = new HashMap<>();
    final Map<UUID, Versioned<ParticipantErasedData>> erasures = new HashMap<>();
    final Map<UUID, Versioned<GroupData>> groups = new HashMap<>();
    final Map<UUID, Versioned<GroupCancelledData>> cancellations = new HashMap<>();
    final Map<UUID, Versioned<ParticipationEnteredData>> entries = new HashMap<>();
    final Map<UUID, Versioned<ParticipationExitedData>> exits = new HashMap<>();
    final Map<UUID, Versioned<ParticipationWithdrawnData>> withdrawals = new HashMap<>();
    final Map<UUID, Versioned<ParticipationTransferredData>> transfers = new HashMap<>();
    final Map<UUID, Versioned<OutcomeData>> outcomes = new HashMap<>();
    final Map<CheckpointKey, Versioned<FollowUpData>> followUps = new HashMap<>();
    final Set<UUID> touchedParticipants = new LinkedHashSet<>();
    final Set<UUID> touchedGroups = new LinkedHashSet<>();
    final Map<String, TopicProgress> progress = new HashMap<>();

    void add(DecodedEvent event) {
        Stamp stamp = event.stamp();
        Record data = event.data();
        // Records that share a data type are versions of the same fact (recorded/corrected,
        // registered/changed, scheduled/changed, exited/exit-corrected).
        if (data instanceof ParticipantProfileData p) {
            keepNewest(profiles, p.participantId(), p, stamp);
            touchedParticipants.add(p.participantId());
        } else if (data instanceof ParticipantErasedData x) {
            keepNewest(erasures, x.participantId(), x, stamp);
        } else if (data instanceof GroupData g) {
            keepNewest(groups, g.groupId(), g, stamp);
            touchedGroups.add(g.groupId());
        } else if (data instanceof GroupCancelledData c) {
            keepNewest(cancellations, c.groupId(), c, stamp);
        } else if (data instanceof ParticipationEnteredData n) {
            keepNewest(entries, n.participationId(), n, stamp);
            touchedParticipants.add(n.participantId());
        } else if (data instanceof ParticipationExitedData x) {
            keepNewest(exits, x.participationId(), x, stamp);
            touchedParticipants.add(x.participantId());
        } else if (data instanceof ParticipationWithdrawnData w) {
            keepNewest(withdrawals, w.participationId(), w, stamp);
            touchedParticipants.add(w.participantId());
        } else if (data instanceof ParticipationTransferredData t) {
            keepNewest(transfers, t.participationId(), t, stamp);
            touchedParticipants.add(t.participantId());
        } else if (data instanceof OutcomeData o) {
            keepNewest(outcomes, o.outcomeId(), o, stamp);
            touchedParticipants.add(o.participantId());
        } else if (data instanceof FollowUpData f) {
            keepNewest(followUps, new CheckpointKey(f.participationId(), f.checkpoint()), f, stamp);
            touchedParticipants.add(f.participantId());
        } else if (!(data instanceof AttendanceRecordedData)) {
            // Attendance is accepted and counted in the status; no report uses it.
            throw new IllegalStateException("No reduction for " + data.getClass().getSimpleName());
        }
        TopicProgress topic = progress.computeIfAbsent(event.topic(), t -> new TopicProgress());
        topic.applied++;
        if (event.time() != null && (topic.lastEventTime == null || event.time().isAfter(topic.lastEventTime))) {
            topic.lastEventTime = event.time();
        }
    }

    /** The groups this batch writes or whose participations it writes. */
    Set<UUID> referencedGroups() {
        Set<UUID> referenced = new HashSet<>(touchedGroups);
        referenced.addAll(cancellations.keySet());
        entries.values().forEach(v -> addIfPresent(referenced, v.data().groupId()));
        exits.values().forEach(v -> addIfPresent(referenced, v.data().groupId()));
        withdrawals.values().forEach(v -> addIfPresent(referenced, v.data().groupId()));
        return referenced;
    }

    private static void addIfPresent(Set<UUID> ids, UUID id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static <K, T extends Record> void keepNewest(Map<K, Versioned<T>> facts, K key, T data, Stamp stamp) {
        facts.merge(key, new Versioned<>(data, stamp), Versioned::newer);
    }
}
