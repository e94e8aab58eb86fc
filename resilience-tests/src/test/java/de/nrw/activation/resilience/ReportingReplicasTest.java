package de.nrw.activation.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.activation.testsupport.RunningSuite;
import de.nrw.activation.testsupport.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.nrw.activation.resilience.Suite.GROUPS;
import static de.nrw.activation.resilience.Suite.OUTCOMES;
import static de.nrw.activation.resilience.Suite.REPORTING;
import static de.nrw.activation.resilience.Suite.count;
import static de.nrw.activation.resilience.Suite.database;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * reporting-service as two replicas on one database: the suite's process and a second one
 * ({@link RunningSuite#startReplica}). The active read-model generation is a row both follow,
 * and the projection is shared through the generation's consumer group (each replica holds
 * some of the partitions). Both answer the same figures; a rebuild asked of one switches both,
 * and both then share the new generation's group; a replica SIGKILLed in the middle of a batch loses nothing (the
 * other takes over its partitions and applies the batch once).
 */
class ReportingReplicasTest {

    static final String JC = "bochum";
    static final String PHASE = "PHASE_1";

    static RunningSuite.ServiceProcess second;

    @AfterAll
    static void stopTheSecondReplica() throws InterruptedException {
        if (second != null && second.process().isAlive()) {
            second.process().destroy();
            if (!second.process().waitFor(25, TimeUnit.SECONDS)) {
                second.process().destroyForcibly();
            }
        }
    }

    @Test
    void twoReplicasShareTheProjectionAnswerTheSameFiguresSwitchARebuildTogetherAndLoseNothingWhenOneIsKilled()
            throws SQLException {
        RunningSuite suite = Suite.suite();
        second = suite.startReplica(REPORTING, "reporting-service-2");
        String first = suite.url(REPORTING);
        String staff = Tokens.staff(JC);

        // 1. Both replicas are members of the active generation's consumer group, each with partitions.
        int generation = activeGeneration();
        awaitSharedBy2("reporting.read-model.g" + generation);

        // 2. Facts through the public APIs: both replicas answer the same, exact figures.
        List<String> people = Suite.burstOfRegistrations(JC, 20, 8);
        String group = Suite.scheduleGroup(staff, JC, PHASE, "2012-03-05");
        Suite.awaitKnown(GROUPS, people);
        Suite.awaitKnown(OUTCOMES, people);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(Suite.enter(staff, group, people.get(i), "2012-03-05"));
        }
        Suite.outcome(staff, people.get(0), "EMPLOYMENT", "2012-03-28");
        Suite.exit(staff, entries.get(0), "2012-04-02", "INTEGRATED");
        Suite.exit(staff, entries.get(1), "2012-03-20", "DROPOUT");
        Suite.awaitOutboxesEmpty(Duration.ofSeconds(60));
        JsonNode expected = awaitSameFiguresOnBoth(first, staff);
        assertThat(expected.path("n").asInt()).isEqualTo(10);
        assertThat(expected.path("integrations").asInt()).isEqualTo(1);
        assertThat(expected.path("fastIntegrations").asInt()).isEqualTo(1);
        assertThat(expected.path("dropouts").asInt()).isEqualTo(1);
        assertThat(expected.path("open").asInt()).isEqualTo(8);
        String activeGroup = "reporting.read-model.g" + generation;
        assertThat(applied(first, activeGroup)).as("events the first replica applied").isPositive();
        assertThat(applied(second.url(), activeGroup)).as("events the second replica applied").isPositive();
        Suite.assertReadModelAppliedEachEventOnce();

        // 3. A rebuild asked of the second replica switches both. (Which replica applies how much of
        //    it is Kafka's business: with this little data the one asked may finish it alone.)
        given().auth().oauth2(Tokens.ops()).post(second.url() + "/api/v1/projections/rebuild").then().statusCode(202)
                .body("rebuild.generation", org.hamcrest.Matchers.equalTo(generation + 1));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> activeGeneration() == generation + 1);
        String rebuiltGroup = "reporting.read-model.g" + (generation + 1);
        for (String replica : List.of(first, second.url())) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    given().auth().oauth2(Tokens.ops()).get(replica + "/api/v1/projections/status").then().statusCode(200)
                            .extract().jsonPath().getInt("activeGeneration")).isEqualTo(generation + 1));
        }
        // The old generation's schema goes 10 s after the switch: a replica still reading it
        // would fail from then on. Both answer the same figures from the new one.
        await().atMost(Duration.ofSeconds(60)).until(() -> count(REPORTING,
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?", "rm_" + generation) == 0);
        assertThat(awaitSameFiguresOnBoth(first, staff)).isEqualTo(expected);
        awaitSharedBy2(rebuiltGroup);
        Suite.assertReadModelAppliedEachEventOnce();

        // 4. Both replicas stopped in the middle of a batch (the progress row is written last and
        //    held here); the second is SIGKILLed there; nothing is lost, nothing applied twice.
        String schema = Suite.readModel();
        int burst = 60;
        List<String> more;
        try (Connection progressLock = database(REPORTING).getConnection()) {
            progressLock.setAutoCommit(false);
            execute(progressLock, "SELECT * FROM " + schema + ".progress WHERE topic = 'participant-events' FOR UPDATE");
            more = Suite.burstOfRegistrations(JC, burst, 8);
            Suite.awaitOutboxesEmpty(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> ServiceKilledTest.consumerWaitsOnLock() == 2);
            second.process().destroyForcibly();
            assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            progressLock.rollback();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                count(REPORTING, "SELECT count(*) FROM " + schema + ".participant WHERE participant_id = ANY (?::uuid[])",
                        (Object) more.toArray(new String[0]))).isEqualTo(burst));
        Suite.assertReadModelAppliedEachEventOnce();
        // this test's own participants only: other classes of the suite register in the same Jobcenter
        List<String> ours = new ArrayList<>(people);
        ours.addAll(more);
        assertThat(count(REPORTING, "SELECT count(*) FROM " + schema + ".participant WHERE participant_id = ANY (?::uuid[])",
                (Object) ours.toArray(new String[0]))).isEqualTo(20 + burst);
        assertThat(Suite.whereabouts(staff, PHASE, JC)).isEqualTo(expected);

        // 5. A new replica joins and answers the same.
        second = suite.startReplica(REPORTING, "reporting-service-3");
        awaitSharedBy2(rebuiltGroup);
        assertThat(awaitSameFiguresOnBoth(first, staff)).isEqualTo(expected);
    }

    /** The generation the reports answer from, as the shared row says. */
    static int activeGeneration() {
        return (int) count(REPORTING, "SELECT id FROM projection_generation WHERE state = 'ACTIVE'");
    }

    /** Both replicas' whereabouts row of the Jobcenter, once they agree and are complete. */
    static JsonNode awaitSameFiguresOnBoth(String first, String staff) {
        JsonNode[] row = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode a = whereabouts(first, staff);
            JsonNode b = whereabouts(second.url(), staff);
            assertThat(a.path("n").asInt()).isEqualTo(10);
            assertThat(a.path("open").asInt()).isEqualTo(8);
            assertThat(b).isEqualTo(a);
            row[0] = a;
        });
        return row[0];
    }

    static JsonNode whereabouts(String replica, String staff) {
        String body = Suite.as(staff).queryParam("phaseId", PHASE).queryParam("groupBy", "jobcenter")
                .get(replica + "/api/v1/reports/whereabouts").then().statusCode(200).extract().asString();
        try {
            for (JsonNode row : Suite.JSON.readTree(body).path("rows")) {
                if (JC.equals(row.path("key").asText())) {
                    return row;
                }
            }
            return Suite.JSON.nullNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The replica's events_applied_total for one consumer group (counted since the process started). */
    static double applied(String replica, String consumer) {
        String metrics = given().get(replica + "/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^events_applied_total\\{[^}]*consumer=\"" + Pattern.quote(consumer)
                + "\"[^}]*\\} ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    /** The group has two members and each holds partitions of every topic. */
    static void awaitSharedBy2(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Suite.suite().broker().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get(10, TimeUnit.SECONDS);
                assertThat(description.members()).as("members of " + group).hasSize(2);
                for (MemberDescription member : description.members()) {
                    assertThat(member.assignment().topicPartitions().stream().map(tp -> tp.topic()).distinct())
                            .as("topics of " + member.clientId()).containsExactlyInAnyOrderElementsOf(Suite.TOPICS);
                }
            });
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
