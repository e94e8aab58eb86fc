package de.nrw.activation.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.activation.testsupport.KafkaBroker;
import de.nrw.activation.testsupport.SuiteTestResource;
import de.nrw.activation.testsupport.Tokens;
import de.nrw.activation.testsupport.TopicReader;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static de.nrw.activation.resilience.Suite.GROUPS;
import static de.nrw.activation.resilience.Suite.OUTCOMES;
import static de.nrw.activation.resilience.Suite.PARTICIPANTS;
import static de.nrw.activation.resilience.Suite.as;
import static de.nrw.activation.resilience.Suite.count;
import static de.nrw.activation.resilience.Suite.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away for a while during writes. Every write through the APIs either succeeds
 * (the change and its event are committed together in the outbox) or fails cleanly with
 * problem+json; once the broker is back every committed change's event is delivered and the
 * reports are exact: nothing lost, nothing counted twice.
 */
class BrokerOutageTest {

    static final String JC = "hamm";
    static final String PHASE = "PHASE_1";

    @AfterEach
    void brokerIsBack() {
        SuiteTestResource.broker().start();
    }

    @Test
    void writesDuringABrokerOutageAreDeliveredOnceItReturnsAndTheReportsAreExact() {
        Suite.suite();
        String staff = Tokens.staff(JC);
        KafkaBroker broker = SuiteTestResource.broker();

        // Before the outage: six people known to every service, one group, three of them in it, one exited.
        List<String> p = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            p.add(i < 6 ? Suite.register(staff, JC) : null);
        }
        String g1 = Suite.scheduleGroup(staff, JC, PHASE, "2012-03-05");
        Suite.awaitKnown(GROUPS, p.subList(0, 6));
        Suite.awaitKnown(OUTCOMES, p.subList(0, 6));
        String e1 = Suite.enter(staff, g1, p.get(0), "2012-03-05");
        String e2 = Suite.enter(staff, g1, p.get(1), "2012-03-05");
        String e3 = Suite.enter(staff, g1, p.get(2), "2012-03-05");
        Suite.exit(staff, e1, "2012-04-02", "INTEGRATED");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(OUTCOMES,
                "SELECT count(*) FROM participation WHERE id = ?::uuid AND exit_date IS NOT NULL", e1)).isEqualTo(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(OUTCOMES,
                "SELECT count(*) FROM participation WHERE id = ANY (?::uuid[])", (Object) new String[] {e2, e3})).isEqualTo(2));
        Suite.awaitOutboxesEmpty(Duration.ofSeconds(60));

        broker.stop();

        // During the outage: every write that needs nothing new from another service succeeds ...
        for (int i = 6; i < 10; i++) {
            p.set(i, Suite.register(staff, JC));
        }
        String g2 = Suite.scheduleGroup(staff, JC, PHASE, "2012-05-07");
        String e4 = Suite.enter(staff, g1, p.get(3), "2012-03-12");
        String e5 = Suite.enter(staff, g1, p.get(4), "2012-03-12");
        Suite.exit(staff, e2, "2012-03-20", "DROPOUT");
        Suite.exit(staff, e4, "2012-04-12", "COMPLETED");
        String o1 = Suite.outcome(staff, p.get(0), "EMPLOYMENT", "2012-03-28");
        String o3 = Suite.outcome(staff, p.get(2), "MINIJOB", "2012-03-20");
        String o4 = Suite.outcome(staff, p.get(3), "UNEMPLOYED", "2012-04-13");
        String f1 = as(staff).body(Map.of("checkpoint", "MONTH_6", "status", "EMPLOYMENT", "checkedOn", "2012-10-04"))
                .post(url(OUTCOMES, "/participations/" + e1 + "/follow-ups")).then().statusCode(201).extract().path("id");

        // ... and one that needs an event still stuck in an outbox fails cleanly and changes nothing.
        Response unknownParticipant = as(staff).body(Map.of("participantId", p.get(6), "entryDate", "2012-05-07"))
                .post(url(GROUPS, "/groups/" + g2 + "/participations"));
        Suite.assertCleanFailure(unknownParticipant, 404);
        Response exitNotYetKnown = as(staff).body(Map.of("checkpoint", "EXIT", "status", "UNEMPLOYED", "checkedOn", "2012-03-21"))
                .post(url(OUTCOMES, "/participations/" + e2 + "/follow-ups"));
        Suite.assertCleanFailure(exitNotYetKnown, 404, 422);
        assertThat(count(GROUPS, "SELECT count(*) FROM participation WHERE participant_id = ?::uuid", p.get(6))).isZero();
        assertThat(count(OUTCOMES, "SELECT count(*) FROM follow_up WHERE participation_id = ?::uuid", e2)).isZero();

        // While the broker is away the events wait, committed, in the outboxes.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count(PARTICIPANTS, "SELECT count(*) FROM outbox_event")).isEqualTo(4);
            assertThat(count(GROUPS, "SELECT count(*) FROM outbox_event")).isEqualTo(5);
            assertThat(count(OUTCOMES, "SELECT count(*) FROM outbox_event")).isEqualTo(4);
        });

        broker.start();
        Suite.awaitOutboxesEmpty(Duration.ofSeconds(90));

        // Every committed change of this Jobcenter has its event, and no event lacks its change.
        List<TopicReader.Published> participantEvents = Suite.events("participant-events");
        List<TopicReader.Published> groupEvents = Suite.events("group-events");
        List<TopicReader.Published> outcomeEvents = Suite.events("outcome-events");
        assertThat(Suite.dataField(participantEvents, "participant.registered.v1", "participantId", JC))
                .containsExactlyInAnyOrderElementsOf(Suite.strings(PARTICIPANTS,
                        "SELECT id FROM participant WHERE jobcenter_id = ?", JC))
                .containsExactlyInAnyOrderElementsOf(p);
        assertThat(Suite.dataField(groupEvents, "group.scheduled.v1", "groupId", JC)).containsExactlyInAnyOrder(g1, g2);
        assertThat(Suite.dataField(groupEvents, "participation.entered.v1", "participationId", JC))
                .containsExactlyInAnyOrderElementsOf(Suite.strings(GROUPS, "SELECT id FROM participation WHERE jobcenter_id = ?", JC))
                .containsExactlyInAnyOrder(e1, e2, e3, e4, e5);
        assertThat(Suite.dataField(groupEvents, "participation.exited.v1", "participationId", JC))
                .containsExactlyInAnyOrder(e1, e2, e4);
        assertThat(Suite.dataField(outcomeEvents, "outcome.recorded.v1", "outcomeId", JC))
                .containsExactlyInAnyOrderElementsOf(Suite.strings(OUTCOMES, "SELECT id FROM outcome WHERE jobcenter_id = ?", JC))
                .containsExactlyInAnyOrder(o1, o3, o4);
        assertThat(Suite.dataField(outcomeEvents, "followup.recorded.v1", "followUpId", JC)).containsExactly(f1);

        // The reports are exact: P1 integrated during the group (fast), P2 dropped out, P3 has a
        // minijob, P4 is unemployed 3 months after exit, P5 is still in the group.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode row = Suite.whereabouts(staff, PHASE, JC);
            assertThat(row.path("n").asInt()).as(row.toString()).isEqualTo(5);
            assertThat(row.path("integrations").asInt()).as(row.toString()).isEqualTo(1);
            assertThat(row.path("fastIntegrations").asInt()).as(row.toString()).isEqualTo(1);
            assertThat(row.path("minijobs").asInt()).as(row.toString()).isEqualTo(1);
            assertThat(row.path("unemployed").asInt()).as(row.toString()).isEqualTo(1);
            assertThat(row.path("other").asInt()).as(row.toString()).isEqualTo(0);
            assertThat(row.path("dropouts").asInt()).as(row.toString()).isEqualTo(1);
            assertThat(row.path("open").asInt()).as(row.toString()).isEqualTo(1);
        });
        String schema = Suite.readModel();
        assertThat(count(Suite.REPORTING, "SELECT count(*) FROM " + schema + ".participant WHERE jobcenter_id = ?", JC))
                .isEqualTo(10);
        assertThat(count(Suite.REPORTING, "SELECT count(*) FROM " + schema + ".activation_group WHERE jobcenter_id = ?", JC))
                .isEqualTo(2);
        Suite.assertReadModelAppliedEachEventOnce();
    }
}
