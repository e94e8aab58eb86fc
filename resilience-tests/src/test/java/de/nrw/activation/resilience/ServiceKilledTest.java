package de.nrw.activation.resilience;

import de.nrw.activation.testsupport.SuiteTestResource;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.RunningSuite;
import de.nrw.activation.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static de.nrw.activation.resilience.Suite.GROUPS;
import static de.nrw.activation.resilience.Suite.OUTCOMES;
import static de.nrw.activation.resilience.Suite.PARTICIPANTS;
import static de.nrw.activation.resilience.Suite.REPORTING;
import static de.nrw.activation.resilience.Suite.count;
import static de.nrw.activation.resilience.Suite.database;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service killed with SIGKILL (no shutdown hook, no drain) in the middle of its work, then
 * started again: the outbox relay after sending a batch but before deleting it, and the read
 * model's consumer in the middle of applying a batch. Nothing is lost and nothing applied twice.
 * The test pins the moment of the kill with database locks instead of guessing it with timing.
 */
class ServiceKilledTest {

    /** The advisory lock the outbox relay takes for each pass (OutboxRelay.RELAY_LOCK). */
    static final long RELAY_LOCK = 0x0B0C5L;

    @Test
    void participantsServiceKilledBetweenSendingAndDeletingItsOutboxLosesNothingAndConsumersApplyTheResendOnce()
            throws SQLException {
        RunningSuite suite = Suite.suite();
        String jc = "herne";
        int burst = 200;
        Suite.awaitOutboxesEmpty(Duration.ofSeconds(60));

        List<String> ids;
        try (Connection relayLock = database(PARTICIPANTS).getConnection();
             Connection rowLocks = database(PARTICIPANTS).getConnection()) {
            // 1. Hold the relay back: the burst of registrations piles up in the outbox.
            execute(relayLock, "SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
            ids = Suite.burstOfRegistrations(jc, burst, 8);
            assertThat(count(PARTICIPANTS, "SELECT count(*) FROM outbox_event")).isEqualTo(burst);
            assertThat(count(PARTICIPANTS, "SELECT count(*) FROM participant WHERE jobcenter_id = ?", jc)).isEqualTo(burst);

            // 2. Let the relay send, but keep it from deleting the rows it sent.
            rowLocks.setAutoCommit(false);
            execute(rowLocks, "SELECT seq FROM outbox_event FOR UPDATE");
            execute(relayLock, "SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    Suite.dataField(TopicReader.readAll("participant-events"), "participant.registered.v1", "participantId", jc))
                    .containsAll(ids));
            await().atMost(Duration.ofSeconds(30)).until(() -> relayWaitsToDelete() == 1);

            // 3. The broker has acknowledged the batch; the rows are still there. SIGKILL.
            suite.kill(PARTICIPANTS);
            rowLocks.rollback();
        }
        // The killed relay's transaction never commits: all rows are still in the outbox.
        await().atMost(Duration.ofSeconds(30)).until(() -> relayWaitsToDelete() == 0);
        assertThat(count(PARTICIPANTS, "SELECT count(*) FROM outbox_event")).isEqualTo(burst);

        suite.restart(PARTICIPANTS);
        Suite.awaitOutboxesEmpty(Duration.ofSeconds(60));

        // Each committed registration has its event, sent twice (before the kill and after the restart),
        // with the same event id each time.
        List<TopicReader.Published> registered = TopicReader.readAll("participant-events").stream()
                .filter(p -> p.type().equals("participant.registered.v1") && jc.equals(p.data().path("jobcenterId").asText()))
                .collect(Collectors.toList());
        Map<String, Long> copies = registered.stream()
                .collect(Collectors.groupingBy(p -> p.event().path("id").asText(), Collectors.counting()));
        assertThat(copies).hasSize(burst);
        assertThat(copies.values()).containsOnly(2L);
        assertThat(registered.stream().map(p -> p.data().path("participantId").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ids);

        // Every consumer applied each of them once.
        String[] eventIds = copies.keySet().toArray(new String[0]);
        String schema = Suite.readModel();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".participant WHERE jobcenter_id = ?", jc))
                    .isEqualTo(burst);
            assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".processed_event WHERE event_id = ANY (?::uuid[])",
                    (Object) eventIds)).isEqualTo(burst);
            assertThat(count(GROUPS, "SELECT count(*) FROM known_participant WHERE jobcenter_id = ?", jc)).isEqualTo(burst);
            assertThat(count(GROUPS, "SELECT count(*) FROM processed_event WHERE event_id = ANY (?::uuid[])",
                    (Object) eventIds)).isEqualTo(burst);
            assertThat(count(OUTCOMES, "SELECT count(*) FROM known_participant WHERE jobcenter_id = ?", jc)).isEqualTo(burst);
        });
        Suite.assertReadModelAppliedEachEventOnce();
    }

    @Test
    void reportingServiceKilledWhileApplyingABatchAppliesItOnceAfterRestart() throws SQLException {
        RunningSuite suite = Suite.suite();
        String jc = "muelheim";
        int burst = 150;
        Suite.register(de.nrw.activation.testsupport.Tokens.staff(jc), jc); // the progress row exists
        Suite.awaitOutboxesEmpty(Duration.ofSeconds(60));
        Suite.assertReadModelAppliedEachEventOnce();
        String schema = Suite.readModel();

        List<String> ids;
        try (Connection progressLock = database(REPORTING).getConnection()) {
            // The read model's batch transaction updates the progress row last: holding that row
            // stops the consumer in the middle of its batch, its inbox rows and facts written, uncommitted.
            progressLock.setAutoCommit(false);
            execute(progressLock, "SELECT * FROM " + schema + ".progress WHERE topic = 'participant-events' FOR UPDATE");
            long inboxBefore = Rows.count(database(REPORTING), "SELECT count(*) FROM " + schema + ".processed_event");
            ids = Suite.burstOfRegistrations(jc, burst, 8);
            Suite.awaitOutboxesEmpty(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> consumerWaitsOnLock() == 1);
            assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".processed_event")).isEqualTo(inboxBefore);

            suite.kill(REPORTING);
            progressLock.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> consumerWaitsOnLock() == 0);
        assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".participant WHERE jobcenter_id = ?", jc))
                .as("the killed batch left nothing behind").isEqualTo(1);

        suite.restart(REPORTING);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".participant WHERE jobcenter_id = ?", jc))
                        .isEqualTo(burst + 1));
        Set<String> eventIds = TopicReader.readAll("participant-events").stream()
                .filter(p -> ids.contains(p.data().path("participantId").asText()))
                .map(p -> p.event().path("id").asText()).collect(Collectors.toCollection(HashSet::new));
        assertThat(eventIds).hasSize(burst);
        assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".processed_event WHERE event_id = ANY (?::uuid[])",
                (Object) eventIds.toArray(new String[0]))).isEqualTo(burst);
        Suite.assertReadModelAppliedEachEventOnce();
    }

    /** Backends of the participants database waiting for a row lock in the relay's DELETE. */
    static long relayWaitsToDelete() {
        return Rows.count(Suite.dataSource("postgres"), "SELECT count(*) FROM pg_stat_activity WHERE datname = ? "
                + "AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM outbox_event%'", SuiteTestResource.databaseName("resilience_participants"));
    }

    /** Backends of the reporting database waiting for a lock (the consumer's batch). */
    static long consumerWaitsOnLock() {
        return Rows.count(Suite.dataSource("postgres"), "SELECT count(*) FROM pg_stat_activity WHERE datname = ? "
                + "AND wait_event_type = 'Lock'", SuiteTestResource.databaseName("resilience_reporting"));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
