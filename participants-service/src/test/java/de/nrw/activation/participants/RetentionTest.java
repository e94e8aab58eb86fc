package de.nrw.activation.participants;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.participants.domain.Retention;
import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static de.nrw.activation.participants.ParticipantFixtures.asStaff;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job erases a participant's personal data 5 years (default) after the last
 * participation ended, or 1 year after registration for someone who never entered a group,
 * exactly as an erasure on request: event, forgotten idempotent answers, audit entry (issue 18).
 * Participants are registered with the clock set back; the job runs on the real today.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper mapper;

    @Inject
    Retention retention;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    private Map<String, Object> row(String id) {
        return Rows.one(db, "SELECT * FROM participant WHERE id = ?", UUID.fromString(id));
    }

    private Set<String> unerased() {
        return Rows.query(db, "SELECT id FROM participant WHERE erased_at IS NULL").stream()
                .map(r -> r.get("id").toString()).collect(Collectors.toSet());
    }

    private double erasedCounter() {
        return registry.counter("participants.retention.erased").count();
    }

    @Test
    void exactlyTheParticipantsPastThePeriodAreErasedAsOnRequest() {
        LocalDate today = TestClock.CLOCK.today();
        GroupEvents events = new GroupEvents(db, mapper);
        UUID group = events.group("herne", null);

        // never entered a group: one year after registration
        String registeredOverAYearAgo = ParticipantFixtures.registeredOn(today.minusYears(1).minusDays(1));
        String registeredAYearAgoToday = ParticipantFixtures.registeredOn(today.minusYears(1));
        String registeredNotQuiteAYearAgo = ParticipantFixtures.registeredOn(today.minusYears(1).plusDays(1));
        String onlyWithdrawn = ParticipantFixtures.registeredOn(today.minusYears(2));
        events.withdrawn(events.entered(onlyWithdrawn, group, "herne", today.minusYears(2)), onlyWithdrawn, group, "herne");
        // entered: five years after the last participation ended
        String endedFiveYearsAgoToday = ParticipantFixtures.registeredOn(today.minusYears(8));
        events.exited(events.entered(endedFiveYearsAgoToday, group, "herne", today.minusYears(6)), endedFiveYearsAgoToday,
                group, "herne", today.minusYears(5));
        String endedNotQuiteFiveYearsAgo = ParticipantFixtures.registeredOn(today.minusYears(8));
        events.exited(events.entered(endedNotQuiteFiveYearsAgo, group, "herne", today.minusYears(6)),
                endedNotQuiteFiveYearsAgo, group, "herne", today.minusYears(5).plusDays(1));
        String lastOfTwoEndedRecently = ParticipantFixtures.registeredOn(today.minusYears(9));
        events.exited(events.entered(lastOfTwoEndedRecently, group, "herne", today.minusYears(8)), lastOfTwoEndedRecently,
                group, "herne", today.minusYears(7));
        events.exited(events.entered(lastOfTwoEndedRecently, group, "herne", today.minusYears(3)), lastOfTwoEndedRecently,
                group, "herne", today.minusYears(2));
        String stillInAGroup = ParticipantFixtures.registeredOn(today.minusYears(8));
        events.entered(stillInAGroup, group, "herne", today.minusYears(7));
        String alreadyErased = ParticipantFixtures.registeredOn(today.minusYears(3));
        asStaff("herne").delete("/api/v1/participants/" + alreadyErased).then().statusCode(204);
        // an idempotent answer stored for a registration repeats the name: it is forgotten too
        TestClock.CLOCK.setToday(today.minusYears(2));
        String withStoredAnswer = asStaff("herne").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(ParticipantFixtures.registration("herne")).post("/api/v1/participants")
                .then().statusCode(201).extract().path("id");
        TestClock.CLOCK.reset();

        List<String> due = List.of(registeredOverAYearAgo, registeredAYearAgoToday, onlyWithdrawn, endedFiveYearsAgoToday,
                withStoredAnswer);
        List<String> kept = List.of(registeredNotQuiteAYearAgo, endedNotQuiteFiveYearsAgo, lastOfTwoEndedRecently,
                stillInAGroup);
        Set<String> before = unerased();
        double counted = erasedCounter();

        int erased = retention.run();

        for (String id : due) {
            Map<String, Object> row = row(id);
            assertThat(row.get("erased_at")).as(id).isNotNull();
            assertThat(row.get("last_name")).isNull();
            assertThat(row.get("customer_number")).isNull();
            assertThat(row.get("date_of_birth")).isNull();
            assertThat(row.get("age_band")).isEqualTo("AGE_25_TO_49"); // the anonymous facts stay
        }
        for (String id : kept) {
            assertThat(row(id)).as(id).containsEntry("erased_at", null).containsEntry("last_name", "Mustermann");
        }
        // what this run erased is what it reports and counts (other tests' old participants may be among them)
        Set<String> erasedNow = before.stream().filter(id -> !unerased().contains(id)).collect(Collectors.toSet());
        assertThat(erasedNow).containsAll(due).doesNotContainAnyElementsOf(kept).hasSize(erased);
        assertThat(erasedCounter() - counted).isEqualTo(erased);
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("participants_retention_erased_total"));

        // the same event as an erasure on request, once per participant
        for (String id : due) {
            TopicReader.Published event = TopicReader.await("participant-events", 1,
                    r -> id.equals(r.key()) && r.type().equals("participant.erased.v1")).get(0);
            assertThat(event.data().path("participantId").asText()).isEqualTo(id);
            assertThat(event.data().path("jobcenterId").asText()).isEqualTo("herne");
        }
        List<TopicReader.Published> all = TopicReader.readAll("participant-events");
        for (String id : kept) {
            assertThat(all).noneMatch(r -> id.equals(r.key()) && r.type().equals("participant.erased.v1"));
        }
        assertThat(all).filteredOn(r -> alreadyErased.equals(r.key()) && r.type().equals("participant.erased.v1")).hasSize(1);
        assertThat(Rows.count(db, "SELECT count(*) FROM idempotency_record WHERE subject = ? AND body IS NOT NULL",
                UUID.fromString(withStoredAnswer))).isZero();
        // and logged as the retention job's erasure
        assertThat(Rows.query(db, "SELECT actor, role, outcome FROM audit_entry WHERE participant_id = ? AND action = 'ERASE'",
                UUID.fromString(endedFiveYearsAgoToday)))
                .containsExactly(Map.of("actor", "participants-service/retention", "role", "system", "outcome", "GRANTED"));

        // a second run finds nothing more of these
        retention.run();
        for (String id : kept) {
            assertThat(row(id).get("erased_at")).isNull();
        }
        assertThat(Rows.count(db, "SELECT count(*) FROM audit_entry WHERE participant_id = ? AND action = 'ERASE'",
                UUID.fromString(registeredOverAYearAgo))).isEqualTo(1);
    }

    @Test
    void aParticipantLeavesTheRetentionListOnEnteringAGroupAndReturnsFiveYearsAfterTheExit() {
        LocalDate today = TestClock.CLOCK.today();
        GroupEvents events = new GroupEvents(db, mapper);
        UUID group = events.group("herne", null);
        String id = ParticipantFixtures.registeredOn(today.minusYears(7));
        UUID participation = events.entered(id, group, "herne", today.minusYears(6));

        retention.run();
        assertThat(row(id).get("erased_at")).isNull();

        events.exited(participation, id, group, "herne", today.minusYears(5).minusDays(1));
        retention.run();
        assertThat(row(id).get("erased_at")).isNotNull();
    }
}
