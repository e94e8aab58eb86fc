package de.nrw.activation.participants;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.SuiteTestResource;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class KafkaOutageTest {

    @Inject
    AgroalDataSource db;

    @Test
    void writesSucceedWhileKafkaIsDownAndTheirEventsGoOutWhenItIsBack() {
        SuiteTestResource.broker().stop();
        String id;
        try {
            id = ParticipantFixtures.register("herne");
            // committed, waiting in the outbox
            assertThat(Rows.count(db, "SELECT count(*) FROM participant WHERE id = ?::uuid", id)).isEqualTo(1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    Rows.count(db, "SELECT count(*) FROM outbox_event WHERE record_key = ?", id) == 1);
        } finally {
            SuiteTestResource.broker().start();
        }
        TopicReader.Published event = TopicReader.await("participant-events", 1, r -> id.equals(r.key())).get(0);
        assertThat(event.type()).isEqualTo("participant.registered.v1");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Rows.count(db, "SELECT count(*) FROM outbox_event WHERE record_key = ?", id) == 0);
    }
}
