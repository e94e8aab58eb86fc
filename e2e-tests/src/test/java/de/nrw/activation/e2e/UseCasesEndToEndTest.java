package de.nrw.activation.e2e;

import de.nrw.activation.clients.SuiteApis;
import de.nrw.activation.clients.groups.model.Absences;
import de.nrw.activation.clients.groups.model.AttendanceEntry;
import de.nrw.activation.clients.groups.model.AttendanceStatus;
import de.nrw.activation.clients.groups.model.DayOfWeek;
import de.nrw.activation.clients.groups.model.EnterParticipation;
import de.nrw.activation.clients.groups.model.ExitParticipation;
import de.nrw.activation.clients.groups.model.ExitReason;
import de.nrw.activation.clients.groups.model.Group;
import de.nrw.activation.clients.groups.model.Provider;
import de.nrw.activation.clients.groups.model.ProviderType;
import de.nrw.activation.clients.groups.model.ScheduleGroup;
import de.nrw.activation.clients.groups.model.Session;
import de.nrw.activation.clients.outcomes.model.Checkpoint;
import de.nrw.activation.clients.outcomes.model.DueFollowUp;
import de.nrw.activation.clients.outcomes.model.FollowUp;
import de.nrw.activation.clients.outcomes.model.OutcomeKind;
import de.nrw.activation.clients.outcomes.model.RecordFollowUp;
import de.nrw.activation.clients.outcomes.model.RecordOutcome;
import de.nrw.activation.clients.participants.ApiResponse;
import de.nrw.activation.clients.participants.model.ChangeParticipant;
import de.nrw.activation.clients.participants.model.CustomerType;
import de.nrw.activation.clients.participants.model.Gender;
import de.nrw.activation.clients.participants.model.LabourMarketDistance;
import de.nrw.activation.clients.participants.model.Participant;
import de.nrw.activation.clients.participants.model.RegisterParticipant;
import de.nrw.activation.clients.reporting.model.Report;
import de.nrw.activation.clients.reporting.model.WhereaboutsRow;
import de.nrw.activation.testsupport.RunningSuite;
import de.nrw.activation.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static de.nrw.activation.e2e.SuiteClients.awaitAnswer;
import static de.nrw.activation.e2e.SuiteClients.statusOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The ten use cases of domain.md, over HTTP only, against the four services running as separate
 * processes: a Jobcenter (Köln, Phase II) registers people, schedules a group, assigns them,
 * records attendance, exits, outcomes and follow-ups; the coordinator's reports change with it.
 * Every API call goes through the clients generated from the services' OpenAPI documents
 * (module clients); only what the documents do not describe as JSON (CSV, the SVG chart, and the
 * operations endpoints under /q) is requested directly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UseCasesEndToEndTest {

    static final String JC = "koeln";
    static RunningSuite suite;
    static SuiteApis staff;
    static SuiteApis coordinator;
    static final List<UUID> participants = new ArrayList<>();
    static final List<UUID> participations = new ArrayList<>();
    static UUID groupId;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        staff = SuiteClients.as(Tokens.staff(JC));
        coordinator = SuiteClients.as(Tokens.coordinator());
    }

    static RegisterParticipant person(String number, LabourMarketDistance distance) {
        return new RegisterParticipant().jobcenterId(JC).customerNumber(number).firstName("Max").lastName("Mustermann")
                .dateOfBirth(LocalDate.of(1990, 2, 1)).gender(Gender.MALE).customerType(CustomerType.NEW)
                .labourMarketDistance(distance).vocationalQualification(true);
    }

    @Test
    @Order(1)
    void useCase1RegisterCorrectAndEraseParticipants() throws Exception {
        for (int i = 0; i < 4; i++) {
            Participant created = staff.participants().registerParticipant(
                    person("E2E-" + UUID.randomUUID().toString().substring(0, 8),
                            i % 2 == 0 ? LabourMarketDistance.CLOSE : LabourMarketDistance.DISTANT),
                    UUID.randomUUID().toString());
            assertThat(created.getId()).isNotNull();
            assertThat(created.getJobcenterId()).isEqualTo(JC);
            participants.add(created.getId());
        }
        ChangeParticipant change = new ChangeParticipant().firstName("Max").lastName("Mustermann")
                .dateOfBirth(LocalDate.of(1990, 2, 1)).gender(Gender.MALE).customerType(CustomerType.NEW)
                .labourMarketDistance(LabourMarketDistance.DISTANT).vocationalQualification(true);
        ApiResponse<Participant> changed = staff.participants()
                .changeParticipantWithHttpInfo(participants.get(0).toString(), change, "\"0\"");
        assertThat(changed.getStatusCode()).isEqualTo(200);
        assertThat(changed.getHeaders().get("etag")).containsExactly("\"1\"");
        assertThat(changed.getData().getLabourMarketDistance()).isEqualTo(LabourMarketDistance.DISTANT);
        // another Jobcenter does not see them
        SuiteApis bochum = SuiteClients.as(Tokens.staff("bochum"));
        assertThat(statusOf(() -> bochum.participants().getParticipant(participants.get(0).toString())))
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void useCase2ScheduleAGroupWhoseSessionsSkipHolidays() throws Exception {
        ScheduleGroup group = new ScheduleGroup().jobcenterId(JC).phaseId("PHASE_2").name("Aktivierungsgruppe Köln-Mülheim")
                .provider(new Provider().type(ProviderType.EDUCATION_PROVIDER).name("Bildungswerk Köln").id("bildungswerk-koeln"))
                .location("Jobcenter Köln, Raum 12").coaches(List.of("Jobcoach K")).startDate(LocalDate.of(2013, 5, 6))
                .weeks(6).meetingDays(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY))
                .dailyStart("09:00").dailyEnd("12:30").capacity(3);
        Group created = staff.groups().scheduleGroup(group, UUID.randomUUID().toString());
        assertThat(created.getHoursPerWeek()).isEqualByComparingTo(new BigDecimal("14"));
        groupId = created.getId();

        List<LocalDate> dates = staff.sessions().listSessions(groupId.toString()).stream()
                .map(Session::getDate).toList();
        assertThat(dates).contains(LocalDate.of(2013, 5, 6), LocalDate.of(2013, 5, 8))
                .doesNotContain(LocalDate.of(2013, 5, 9) /* Ascension */, LocalDate.of(2013, 5, 20) /* Whit Monday */,
                        LocalDate.of(2013, 5, 30) /* Corpus Christi */);
    }

    @Test
    @Order(3)
    void useCase3AssignParticipantsWithinCapacity() {
        for (int i = 0; i < 3; i++) {
            EnterParticipation entry = new EnterParticipation().participantId(participants.get(i))
                    .entryDate(LocalDate.of(2013, 5, 6));
            String key = UUID.randomUUID().toString();
            participations.add(awaitAnswer(() -> staff.participations()
                    .assignParticipant(groupId.toString(), entry, key)).getId());
        }
        EnterParticipation fourth = new EnterParticipation().participantId(participants.get(3))
                .entryDate(LocalDate.of(2013, 5, 6));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(() -> staff.participations()
                .assignParticipant(groupId.toString(), fourth, UUID.randomUUID().toString())) == 409);
    }

    @Test
    @Order(4)
    void useCase4RecordAttendanceAndListAbsences() throws Exception {
        List<AttendanceEntry> entries = List.of(
                new AttendanceEntry().participantId(participants.get(0)).status(AttendanceStatus.PRESENT),
                new AttendanceEntry().participantId(participants.get(1)).status(AttendanceStatus.UNEXCUSED),
                new AttendanceEntry().participantId(participants.get(2)).status(AttendanceStatus.EXCUSED));
        staff.attendance().recordAttendance("2013-05-07", groupId.toString(), entries);
        List<Absences> absences = staff.attendance().listAbsences(groupId.toString(), null);
        assertThat(absences).anySatisfy(row -> {
            assertThat(row.getParticipantId()).isEqualTo(participants.get(1));
            assertThat(row.getUnexcused()).isEqualTo(1L);
        });
    }

    @Test
    @Order(5)
    void useCase5ExitOutcomesAndFollowUps() throws Exception {
        staff.participations().recordExit(participations.get(0).toString(),
                new ExitParticipation().exitDate(LocalDate.of(2013, 5, 28)).reason(ExitReason.INTEGRATED), null);
        staff.participations().recordExit(participations.get(1).toString(),
                new ExitParticipation().exitDate(LocalDate.of(2013, 6, 13)).reason(ExitReason.COMPLETED), null);
        staff.participations().recordExit(participations.get(2).toString(),
                new ExitParticipation().exitDate(LocalDate.of(2013, 5, 15)).reason(ExitReason.DROPOUT), null);

        RecordOutcome job = new RecordOutcome().participantId(participants.get(0)).kind(OutcomeKind.EMPLOYMENT)
                .startDate(LocalDate.of(2013, 5, 27)).temporaryAgency(false).fixedTerm(true)
                .employer("Rheinische Werkstatt GmbH");
        String key = UUID.randomUUID().toString();
        assertThat(awaitAnswer(() -> staff.outcomes().recordOutcome(job, key)).getId()).isNotNull();

        // the exit schedules checkpoints: MONTH_3 of the second participation falls due on 2013-09-13
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<DueFollowUp> due = staff.followUps().listDueFollowUps(null, null, "2013-09-13");
            return due.stream().anyMatch(d -> participations.get(1).equals(d.getParticipationId())
                    && d.getCheckpoint() == Checkpoint.MONTH_3 && LocalDate.of(2013, 9, 13).equals(d.getDueDate()));
        });
        FollowUp month3 = staff.followUps().recordFollowUp(participations.get(1).toString(),
                new RecordFollowUp().checkpoint(Checkpoint.MONTH_3).status(OutcomeKind.UNEMPLOYED)
                        .checkedOn(LocalDate.of(2013, 9, 16)), UUID.randomUUID().toString());
        assertThat(month3.getStatus()).isEqualTo(OutcomeKind.UNEMPLOYED);
        FollowUp month6 = staff.followUps().recordFollowUp(participations.get(0).toString(),
                new RecordFollowUp().checkpoint(Checkpoint.MONTH_6).status(OutcomeKind.EMPLOYMENT)
                        .checkedOn(LocalDate.of(2013, 11, 28)), UUID.randomUUID().toString());
        assertThat(month6.getCheckpoint()).isEqualTo(Checkpoint.MONTH_6);
    }

    /** The Köln row of the whereabouts report by Jobcenter, as Köln's staff see it (exactly). */
    static WhereaboutsRow koelnRow() throws Exception {
        Report report = staff.reports().getWhereaboutsReport(null, "jobcenter", null, "PHASE_2", null);
        return report.getRows().stream().map(row -> SuiteClients.JSON.convertValue(row, WhereaboutsRow.class))
                .filter(row -> JC.equals(row.getKey())).findFirst().orElse(null);
    }

    @Test
    @Order(6)
    void useCases6To8TheCoordinatorSeesTheNumbersChange() throws Exception {
        // staff see their own row exactly: 1 integration (fast), 1 unemployed, 1 dropout
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            WhereaboutsRow row = koelnRow();
            assertThat(row).isNotNull();
            assertThat(row.getN()).isEqualTo(3L);
            assertThat(row.getIntegrations()).isEqualTo(1L);
            assertThat(row.getFastIntegrations()).isEqualTo(1L);
            assertThat(row.getUnemployed()).isEqualTo(1L);
            assertThat(row.getDropouts()).isEqualTo(1L);
        });
        // the coordinator sees the figures perturbed (no count of 1 or 2), and no personal data
        Report byProviderType = coordinator.reports().getWhereaboutsReport(null, "providerType", null, "PHASE_2", null);
        String coordinatorView = SuiteClients.JSON.writeValueAsString(byProviderType);
        // (Köln's three may come out as 0, 3, 4 or 5: a row for them is not certain)
        assertThat(byProviderType.getPerturbed()).isTrue();
        assertThat(coordinatorView).doesNotContain("Mustermann", "E2E-").doesNotContain("\"n\":1,", "\"n\":2,");
        Report sustainability = coordinator.reports().getSustainabilityReport(null, null, null, "PHASE_2", null);
        assertThat(sustainability.getPhaseId()).isEqualTo("PHASE_2");
    }

    @Test
    @Order(7)
    void useCase9CsvAndChart() {
        // CSV and SVG: not JSON, so not through the generated client
        given().auth().oauth2(Tokens.coordinator()).accept("text/csv").queryParam("phaseId", "PHASE_2")
                .get(suite.url("reporting-service") + "/api/v1/reports/whereabouts")
                .then().statusCode(200).contentType(startsWith("text/csv"));
        String svg = given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", "PHASE_2")
                .get(suite.url("reporting-service") + "/api/v1/reports/whereabouts/chart")
                .then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
        assertThat(svg).contains("<svg");
    }

    @Test
    @Order(8)
    void erasureKeepsTheStatistics() throws Exception {
        staff.participants().eraseParticipant(participants.get(1).toString(), null);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            WhereaboutsRow row = koelnRow();
            assertThat(row.getN()).isEqualTo(3L);
            assertThat(row.getUnemployed()).isEqualTo(1L);
        });
    }

    @Test
    @Order(9)
    void useCase10OperationsHealthMetricsOpenApiAndProjections() throws Exception {
        // the operations endpoints under /q are Quarkus's, outside the documents
        for (String service : RunningSuite.SERVICES) {
            given().get(suite.url(service) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(suite.url(service) + "/q/metrics").then().statusCode(200);
            given().accept("application/json").get(suite.url(service) + "/q/openapi").then().statusCode(200);
        }
        SuiteApis ops = SuiteClients.as(Tokens.ops());
        assertThat(ops.projections().getProjectionStatus()).isNotNull();
        assertThat(ops.projections().rebuildProjectionWithHttpInfo().getStatusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(koelnRow().getN()).isEqualTo(3L));
    }

}
