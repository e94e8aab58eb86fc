package de.nrw.activation.reporting.projection;

import de.nrw.activation.reporting.confidentiality.RecordKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.platform.consumer.EventBatchHandler;
import de.nrw.activation.platform.events.EventEnvelope;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of events to one generation of the read model (schema {@code rm_<n>}), in
 * the batch's transaction: decode each event into its contract record ({@link EventDecoder}),
 * reduce the batch to the newest version of each fact ({@link BatchReduction}), lock the
 * touched groups and participants against other replicas' batches ({@link FactLocks}), read
 * the touched participants' summary cells, write each fact table, fill attributes the events
 * lacked, reclassify the touched participants' participations ({@link Reclassification}) and
 * write the change of their summary cells as one delta per cell ({@link Summary}).
 *
 * <p>Holds no state between batches: which replica applies which batch is the consumer
 * group's business (any replica may get any partition after a rebalance).
 *
 * <p>Any arrival order gives the same state: every fact remembers the (time, id) of the event
 * it comes from and an older event never overwrites a newer one. Events carry no personal
 * data; nothing of them is logged.
 */
public final class EventProjector implements EventBatchHandler {

    private final String schema;
    private final EntityManager em;
    private final EventDecoder decoder;
    private final ParticipantWriter participants;
    private final GroupWriter groups;
    private final ParticipationWriter participations;
    private final OutcomeWriter outcomes;
    private final FollowUpWriter followUps;
    private final ProgressWriter progress;
    private final MissingAttributes missingAttributes;
    private final Reclassification reclassification;
    private final FactLocks locks;

    public EventProjector(String schema, EntityManager em, ObjectMapper mapper,
                          RecordKeys recordKeys) {
        if (!schema.matches("rm_[0-9]+")) {
            throw new IllegalArgumentException("Bad read model schema " + schema);
        }
        this.schema = schema;
        this.em = em;
        this.decoder = new EventDecoder(mapper);
        this.participants = new ParticipantWriter(schema);
        this.groups = new GroupWriter(schema);
        this.participations = new ParticipationWriter(schema, recordKeys);
        this.outcomes = new OutcomeWriter(schema);
        this.followUps = new FollowUpWriter(schema);
        this.progress = new ProgressWriter(schema);
        this.missingAttributes = new MissingAttributes(schema);
        this.reclassification = new Reclassification(schema);
        this.locks = new FactLocks(Integer.parseInt(schema.substring("rm_".length())));
    }

    @Override
    public void apply(List<EventEnvelope> events) {
        BatchReduction batch = new BatchReduction();
        for (EventEnvelope event : events) {
            batch.add(decoder.decode(event));
        }
        em.unwrap(Session.class).doWork(c -> {
            locks.lockGroups(c, batch.referencedGroups());
            Set<UUID> touched = new LinkedHashSet<>(batch.touchedParticipants);
            touched.addAll(participations.participantsLackingGroupData(c, batch.touchedGroups));
            Set<UUID> locked = new LinkedHashSet<>(touched);
            locked.addAll(batch.erasures.keySet());
            locks.lockParticipants(c, locked);
            Map<List<String>, long[]> before = Summary.cells(Summary.rows(c, schema, touched));
            participants.writeProfiles(c, batch.profiles.values());
            participants.writeErasures(c, batch.erasures.values());
            groups.writeGroups(c, batch.groups.values());
            groups.writeCancellations(c, batch.cancellations.values());
            participations.writeEntries(c, batch.entries.values());
            participations.writeExits(c, batch.exits.values());
            participations.writeWithdrawals(c, batch.withdrawals.values());
            participations.writeTransfers(c, batch.transfers.values());
            outcomes.write(c, batch.outcomes.values());
            followUps.write(c, batch.followUps.values());
            // the fill runs only if a touched participation lacks something (the participants of the
            // touched groups' participations lacking group data are among the touched)
            Map<List<String>, long[]> after = Summary.cells(reclassification.reclassify(c, touched,
                    () -> missingAttributes.fill(c, touched, batch.touchedGroups)));
            Summary.applyDelta(c, schema, before, after);
            progress.write(c, batch.progress);
        });
    }
}
