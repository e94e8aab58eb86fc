package de.nrw.activation.groups;

import de.nrw.activation.testsupport.Rows;
import de.nrw.activation.testsupport.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.nrw.activation.groups.Fixtures.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

/**
 * A group run by a contracted education provider names the provider's id (issue 18): required for
 * that type, refused for a Jobcenter-run group, stored, shown and published as {@code providerId}.
 */
@QuarkusTest
class ProviderGroupTest {

    private static final String TOPIC = "group-events";

    @Inject
    AgroalDataSource db;

    @Test
    void aProviderRunGroupIsStoredShownAndPublishedWithTheProvidersId() {
        String provider = Fixtures.newProviderId();
        String groupId = Fixtures.schedule(Fixtures.providerGroup("herne", "PHASE_1", "2012-03-05", provider));

        asStaff("herne").get("/api/v1/groups/" + groupId).then().statusCode(200)
                .body("provider.type", equalTo("EDUCATION_PROVIDER")).body("provider.id", equalTo(provider))
                .body("provider.name", equalTo("Bildungswerk Ruhr gGmbH"));
        assertThat(Rows.one(db, "SELECT provider_id FROM activation_group WHERE id = ?", UUID.fromString(groupId))
                .get("provider_id")).isEqualTo(provider);
        TopicReader.Published scheduled = TopicReader.await(TOPIC, 1,
                r -> groupId.equals(r.key()) && "group.scheduled.v1".equals(r.type())).get(0);
        assertThat(scheduled.data().path("providerId").asText()).isEqualTo(provider);
        assertThat(scheduled.data().path("providerType").asText()).isEqualTo("EDUCATION_PROVIDER");
        assertThat(scheduled.event().toString()).doesNotContain("Bildungswerk Ruhr");
    }

    @Test
    void aJobcenterRunGroupNamesNoProviderId() {
        String groupId = Fixtures.schedule(Fixtures.herneGroup());
        asStaff("herne").get("/api/v1/groups/" + groupId).then().statusCode(200)
                .body("provider.type", equalTo("JOBCENTER")).body("provider", not(hasKey("id")));
        TopicReader.Published scheduled = TopicReader.await(TOPIC, 1,
                r -> groupId.equals(r.key()) && "group.scheduled.v1".equals(r.type())).get(0);
        assertThat(scheduled.data().path("providerId").isNull() || scheduled.data().path("providerId").isMissingNode()).isTrue();
    }

    @Test
    void theIdIsRequiredForAProviderAndRefusedForAJobcenterAndMustBeASlug() {
        long before = Rows.count(db, "SELECT count(*) FROM activation_group");
        Map<String, Object> withoutId = Fixtures.herneGroup();
        withoutId.put("provider", Map.of("type", "EDUCATION_PROVIDER", "name", "Bildungswerk Ruhr"));
        refused(withoutId);
        Map<String, Object> jobcenterWithId = Fixtures.herneGroup();
        jobcenterWithId.put("provider", Map.of("type", "JOBCENTER", "name", "Jobcenter Herne", "id", "jobcenter-herne"));
        refused(jobcenterWithId);
        for (String bad : List.of("Bildungswerk Ruhr", "bildungswerk_ruhr", "-ruhr", "x".repeat(65))) {
            refused(Fixtures.providerGroup("herne", "PHASE_1", "2012-03-05", bad));
        }
        assertThat(Rows.count(db, "SELECT count(*) FROM activation_group")).isEqualTo(before);
    }

    @Test
    void aChangeMayNameAnotherProviderIdAndPublishesIt() {
        String provider = Fixtures.newProviderId();
        String groupId = Fixtures.schedule(Fixtures.providerGroup("herne", "PHASE_1", "2012-03-05", provider));
        String successor = Fixtures.newProviderId();
        Map<String, Object> change = change(Map.of("type", "EDUCATION_PROVIDER", "name", "Kolping Bildungswerk", "id", successor));
        asStaff("herne").body(change).put("/api/v1/groups/" + groupId).then().statusCode(200)
                .body("provider.id", equalTo(successor)).body("provider.name", equalTo("Kolping Bildungswerk"));
        TopicReader.Published changed = TopicReader.await(TOPIC, 1,
                r -> groupId.equals(r.key()) && "group.changed.v1".equals(r.type())).get(0);
        assertThat(changed.data().path("providerId").asText()).isEqualTo(successor);

        asStaff("herne").body(change(Map.of("type", "EDUCATION_PROVIDER", "name", "Kolping Bildungswerk")))
                .put("/api/v1/groups/" + groupId).then().statusCode(400)
                .body("violations.field", hasItem("provider.id"));
        // the provider's staff see it, the former provider's no longer
        Fixtures.asProvider("herne", successor).get("/api/v1/groups/" + groupId).then().statusCode(200);
        Fixtures.asProvider("herne", provider).get("/api/v1/groups/" + groupId).then().statusCode(404);
    }

    private static Map<String, Object> change(Map<String, Object> provider) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Aktivierungsgruppe Bildungswerk");
        body.put("location", "Bildungswerk, Raum 1");
        body.put("coaches", List.of("Coach Beispiel"));
        body.put("provider", provider);
        body.put("capacity", 15);
        return body;
    }

    private static void refused(Map<String, Object> body) {
        asStaff("herne").body(body).post("/api/v1/groups").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("provider.id"));
    }
}
