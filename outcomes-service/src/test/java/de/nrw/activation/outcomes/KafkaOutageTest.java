package de.nrw.activation.outcomes;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.SuiteTestResource;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static de.nrw.activation.outcomes.OutcomeFixtures.knownParticipant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class KafkaOutageTest {

    @Inject
    AgroalDataSource db;

    @Test
    void outcomesAreRecordedWhileKafkaIsDownAndEventsFlowBothWaysWhenItIsBack() {
        UUID participant = knownParticipant(db, "herne");
        SuiteTestResource.broker().stop();
        String id;
        try {
            id = OutcomeFixtures.record("herne", OutcomeFixtures.employment(participant, "2012-04-02"));
            // committed, its event waiting in the outbox
            assertThat(Rows.count(db, "SELECT count(*) FROM outcome WHERE id = ?::uuid", id)).isEqualTo(1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    Rows.count(db, "SELECT count(*) FROM outbox_event WHERE record_key = ?", participant.toString()) == 1);
        } finally {
            SuiteTestResource.broker().start();
        }
        TopicReader.Published event = TopicReader.await("outcome-events", 1,
                r -> participant.toString().equals(r.key())).get(0);
        assertThat(event.data().path("outcomeId").asText()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Rows.count(db, "SELECT count(*) FROM outbox_event WHERE record_key = ?", participant.toString()) == 0);

        // the consumers reconnected too
        UUID another = knownParticipant(db, "herne");
        assertThat(Rows.count(db, "SELECT count(*) FROM known_participant WHERE id = ?", another)).isEqualTo(1);
    }
}
