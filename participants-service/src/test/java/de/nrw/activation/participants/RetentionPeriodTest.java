package de.nrw.activation.participants;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.participants.domain.Retention;
import de.nrw.activation.participants.domain.RetentionConfig;
import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention periods are configurable per deployment (issue 18: "a Jobcenter may configure
 * 10"): with {@code participants.retention.after-last-participation=P2Y} and
 * {@code after-registration-without-participation=P6M} the job erases exactly the participants
 * past those periods, among them some the defaults (5 years, 1 year) would keep, and keeps those
 * a day short of them. The participants are registered with the clock set back (TestClock); the
 * job runs on the real today.
 */
@QuarkusTest
@TestProfile(RetentionPeriodTest.ShorterPeriods.class)
class RetentionPeriodTest {

    public static class ShorterPeriods implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("participants.retention.after-last-participation", "P2Y",
                    "participants.retention.after-registration-without-participation", "P6M");
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper mapper;

    @Inject
    Retention retention;

    @Inject
    RetentionConfig config;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    private Set<String> unerased() {
        return Rows.query(db, "SELECT id FROM participant WHERE erased_at IS NULL").stream()
                .map(r -> r.get("id").toString()).collect(Collectors.toSet());
    }

    @Test
    void exactlyTheParticipantsPastTheConfiguredPeriodsAreErased() {
        assertThat(config.afterLastParticipation()).isEqualTo(Period.ofYears(2));
        assertThat(config.afterRegistrationWithoutParticipation()).isEqualTo(Period.ofMonths(6));
        LocalDate today = TestClock.CLOCK.today();
        GroupEvents events = new GroupEvents(db, mapper);
        UUID group = events.group("herne", null);

        // never entered a group: six months after registration
        String registeredSixMonthsAgoToday = ParticipantFixtures.registeredOn(today.minusMonths(6));
        String registeredTenMonthsAgo = ParticipantFixtures.registeredOn(today.minusMonths(10)); // the default (1 year) would keep it
        String registeredNotQuiteSixMonthsAgo = ParticipantFixtures.registeredOn(today.minusMonths(6).plusDays(1));
        // entered: two years after the last participation ended
        String endedTwoYearsAgoToday = endedOn(events, group, today.minusYears(2));
        String endedFourYearsAgo = endedOn(events, group, today.minusYears(4)); // the default (5 years) would keep it
        String endedNotQuiteTwoYearsAgo = endedOn(events, group, today.minusYears(2).plusDays(1));
        String stillInAGroup = ParticipantFixtures.registeredOn(today.minusYears(6));
        events.entered(stillInAGroup, group, "herne", today.minusYears(5));

        List<String> due = List.of(registeredSixMonthsAgoToday, registeredTenMonthsAgo, endedTwoYearsAgoToday,
                endedFourYearsAgo);
        List<String> kept = List.of(registeredNotQuiteSixMonthsAgo, endedNotQuiteTwoYearsAgo, stillInAGroup);
        Set<String> before = unerased();

        int erased = retention.run();

        for (String id : due) {
            assertThat(Rows.one(db, "SELECT erased_at, last_name, customer_number, date_of_birth FROM participant WHERE id = ?",
                    UUID.fromString(id))).as(id).doesNotContainEntry("erased_at", null)
                    .containsEntry("last_name", null).containsEntry("customer_number", null)
                    .containsEntry("date_of_birth", null);
            assertThat(Rows.query(db, "SELECT actor, outcome FROM audit_entry WHERE participant_id = ? AND action = 'ERASE'",
                    UUID.fromString(id)))
                    .containsExactly(Map.of("actor", "participants-service/retention", "outcome", "GRANTED"));
        }
        for (String id : kept) {
            assertThat(Rows.one(db, "SELECT erased_at, last_name FROM participant WHERE id = ?", UUID.fromString(id)))
                    .as(id).containsEntry("erased_at", null).containsEntry("last_name", "Mustermann");
        }
        // what this run erased is what it reports (other tests' old participants may be among them)
        Set<String> after = unerased();
        Set<String> erasedNow = before.stream().filter(id -> !after.contains(id)).collect(Collectors.toSet());
        assertThat(erasedNow).containsAll(due).doesNotContainAnyElementsOf(kept).hasSize(erased);
    }

    /** A participant whose one participation (entered a year earlier) ended on {@code exitDate}. */
    private String endedOn(GroupEvents events, UUID group, LocalDate exitDate) {
        String id = ParticipantFixtures.registeredOn(exitDate.minusYears(1).minusMonths(1));
        events.exited(events.entered(id, group, "herne", exitDate.minusYears(1)), id, group, "herne", exitDate);
        return id;
    }
}
