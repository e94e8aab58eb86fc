package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asProvider;
import static de.nrw.activation.groups.Fixtures.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Provider staff (issue 18) see the groups their provider runs for their Jobcenter, their sessions,
 * attendance and participations, and nothing else: every other id answers 404, another provider's
 * group in the same Jobcenter and the same provider's group for another Jobcenter included, and so
 * does every endpoint their role may not use.
 */
@QuarkusTest
class ProviderStaffAccessTest {

    @Inject
    AgroalDataSource db;

    /** Groups of one provider in Herne and Bochum, another provider's and a Jobcenter-run one in Herne. */
    record Setting(String provider, String own, String otherProviders, String jobcenters, String otherJobcenters,
                   String ownParticipation, String otherProvidersParticipation, String jobcentersParticipation,
                   String otherJobcentersParticipation) { }

    @Test
    void providerStaffSeeExactlyTheirProvidersGroupsOfTheirJobcenter() {
        Setting s = setting();
        asProvider("herne", s.provider()).get("/api/v1/groups?size=500").then().statusCode(200)
                .header("X-Total-Count", "1").body("id", contains(s.own()));
        asProvider("herne", s.provider()).get("/api/v1/groups/" + s.own()).then().statusCode(200)
                .body("provider.id", equalTo(s.provider())).body("coaches", contains("Coach Beispielname"));
        asProvider("herne", s.provider()).get("/api/v1/groups/" + s.own() + "/sessions").then().statusCode(200)
                .body("[0].date", equalTo(Providers.FIRST_SESSION));
        // the same provider working for Bochum sees Bochum's group only
        asProvider("bochum", s.provider()).get("/api/v1/groups?size=500").then().statusCode(200)
                .body("id", contains(s.otherJobcenters()));
        asProvider("herne", s.provider()).get("/api/v1/groups?jobcenterId=bochum").then().statusCode(403);

        for (String group : List.of(s.otherProviders(), s.jobcenters(), s.otherJobcenters(), UUID.randomUUID().toString())) {
            String base = "/api/v1/groups/" + group;
            for (String path : List.of(base, base + "/sessions", base + "/participations", base + "/absences",
                    base + "/sessions/" + Providers.FIRST_SESSION + "/attendance")) {
                asProvider("herne", s.provider()).get(path).then().statusCode(404).contentType("application/problem+json");
            }
            asProvider("herne", s.provider()).body(List.of()).put(base + "/sessions/" + Providers.FIRST_SESSION + "/attendance")
                    .then().statusCode(404);
        }
    }

    @Test
    void providerStaffSeeTheirGroupsParticipationsWithoutTheParticipantsAttributes() {
        Setting s = setting();
        asProvider("herne", s.provider()).get("/api/v1/groups/" + s.own() + "/participations").then().statusCode(200)
                .header("X-Total-Count", "1")
                .body("id", contains(s.ownParticipation()))
                .body("[0].groupId", equalTo(s.own())).body("[0].from", equalTo(Providers.START))
                .body("[0].status", equalTo("ACTIVE")).body("[0].accessUntil", equalTo("2013-07-26"))
                .body("[0]", not(hasKey("gender"))).body("[0]", not(hasKey("labourMarketDistance")))
                .body("[0]", not(hasKey("ageBand"))).body("[0]", not(hasKey("groups")));
        asProvider("herne", s.provider()).get("/api/v1/participations/" + s.ownParticipation()).then().statusCode(200)
                .body("participantId", equalTo(Lifecycle.participantOf(db, s.ownParticipation())))
                .body("$", not(hasKey("vocationalQualification")));
        for (String participation : List.of(s.otherProvidersParticipation(), s.jobcentersParticipation(),
                s.otherJobcentersParticipation(), UUID.randomUUID().toString())) {
            asProvider("herne", s.provider()).get("/api/v1/participations/" + participation).then().statusCode(404);
        }
        // a participation entered by mistake was never in their group
        Lifecycle.withdraw("herne", s.ownParticipation(), "registered in error").then().statusCode(200);
        asProvider("herne", s.provider()).get("/api/v1/participations/" + s.ownParticipation()).then().statusCode(404);
        asProvider("herne", s.provider()).get("/api/v1/groups/" + s.own() + "/participations").then().statusCode(200)
                .header("X-Total-Count", "0");
    }

    @Test
    void everyEndpointTheirRoleMayNotUseAnswersThem404AndChangesNothing() {
        Setting s = setting();
        String group = "/api/v1/groups/" + s.own();
        String participation = "/api/v1/participations/" + s.ownParticipation();
        String before = Rows.snapshot(db, "activation_group", "group_session", "participation", "participation_group",
                "attendance", "phase");
        var provider = (java.util.function.Supplier<io.restassured.specification.RequestSpecification>)
                () -> asProvider("herne", s.provider());
        provider.get().body(Fixtures.providerGroup("herne", Providers.phase(), Providers.START, s.provider()))
                .post("/api/v1/groups").then().statusCode(404).contentType("application/problem+json");
        provider.get().body(Map.of("name", "x", "location", "y", "coaches", List.of("c"), "capacity", 10,
                "provider", Map.of("type", "EDUCATION_PROVIDER", "name", "B", "id", s.provider()))).put(group).then().statusCode(404);
        provider.get().post(group + "/cancel").then().statusCode(404);
        provider.get().post(group + "/sessions/2013-05-08/cancel").then().statusCode(404);
        provider.get().body(Map.of("newDate", "2013-05-07")).post(group + "/sessions/2013-05-08/move").then().statusCode(404);
        provider.get().body(Map.of("participantId", UUID.randomUUID().toString(), "entryDate", Providers.START))
                .post(group + "/participations").then().statusCode(404);
        provider.get().body(Map.of("exitDate", "2013-05-20", "reason", "COMPLETED")).post(participation + "/exit")
                .then().statusCode(404);
        provider.get().body(Map.of("exitDate", "2013-05-20", "reason", "COMPLETED")).put(participation + "/exit")
                .then().statusCode(404);
        provider.get().body(Map.of("reason", "wrong")).post(participation + "/withdraw").then().statusCode(404);
        provider.get().body(Map.of("groupId", s.otherProviders(), "date", "2013-05-13")).post(participation + "/transfer")
                .then().statusCode(404);
        provider.get().get("/api/v1/participations/missing-exits").then().statusCode(404);
        provider.get().body(Map.of("id", "PROVIDER_PHASE", "name", "x", "startDate", "2020-01-01", "endDate", "2020-12-31",
                "jobcenterIds", List.of("herne"))).post("/api/v1/phases").then().statusCode(404);
        provider.get().post("/api/v1/exit-proposals/" + UUID.randomUUID() + "/accept").then().statusCode(404);
        assertThat(Rows.snapshot(db, "activation_group", "group_session", "participation", "participation_group",
                "attendance", "phase")).isEqualTo(before);
        // the phases hold nothing personal: readable, as for every role
        provider.get().get("/api/v1/phases").then().statusCode(200);
        provider.get().get("/api/v1/phases/PHASE_1").then().statusCode(200);
    }

    @Test
    void staffOfAProviderThatRunsNoGroupSeeNone() {
        Setting s = setting();
        asProvider("herne", Fixtures.newProviderId()).get("/api/v1/groups/" + s.own()).then().statusCode(404);
        asProvider("herne", Fixtures.newProviderId()).get("/api/v1/groups").then().statusCode(200).header("X-Total-Count", "0");
    }

    private Setting setting() {
        String provider = Fixtures.newProviderId();
        String own = Providers.group("herne", provider);
        String otherProviders = Providers.group("herne", Fixtures.newProviderId());
        String jobcenters = Providers.jobcenterGroup("herne");
        String otherJobcenters = Providers.group("bochum", provider);
        return new Setting(provider, own, otherProviders, jobcenters, otherJobcenters,
                enter("herne", own), enter("herne", otherProviders), enter("herne", jobcenters), enter("bochum", otherJobcenters));
    }

    private String enter(String jobcenter, String group) {
        return Providers.participation(db, jobcenter, group);
    }
}
