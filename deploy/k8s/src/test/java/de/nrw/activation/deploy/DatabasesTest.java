package de.nrw.activation.deploy;

import io.fabric8.kubernetes.api.model.Namespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Database per service (CloudNativePG), and the namespace that admits only restricted pods. */
class DatabasesTest {

    static Stream<String> overlays() {
        return Rendered.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachServiceHasItsOwnPostgresClusterWithItsOwnDatabase(String overlay) {
        var clusters = Rendered.of(overlay).all(CnpgCluster.class);
        assertThat(clusters).hasSize(Suite.SERVICES.size());
        for (Suite.Svc svc : Suite.SERVICES) {
            CnpgCluster cluster = clusters.stream().filter(c -> c.metadata().getName().equals(svc.cluster())).findFirst()
                    .orElseThrow(() -> new AssertionError("no Cluster " + svc.cluster()));
            assertThat(cluster.spec().bootstrap().initdb().database()).isEqualTo(svc.database());
            assertThat(cluster.spec().bootstrap().initdb().owner()).isEqualTo(svc.database());
            assertThat(cluster.spec().enableSuperuserAccess()).isFalse();
            assertThat(cluster.spec().storage().size()).isNotBlank();
            assertThat(cluster.spec().instances()).isPositive();
            assertThat(cluster.spec().imageName()).as("pinned PostgreSQL major").matches(".+:\\d+.*");
        }
    }

    @Test
    void productionRunsThreeInstancesPerDatabaseOnDifferentNodes() {
        Rendered.of("overlays/prod").all(CnpgCluster.class).forEach(c -> {
            assertThat(c.spec().instances()).isEqualTo(3);
            assertThat(c.spec().affinity().enablePodAntiAffinity()).isTrue();
        });
    }

    @Test
    void productionKeepsAtLeastThreePodsPerServiceReportingIncluded() {
        Rendered prod = Rendered.of("overlays/prod");
        for (Suite.Svc svc : Suite.SERVICES) {
            var hpa = prod.named(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class, svc.name());
            assertThat(hpa.getSpec().getMinReplicas()).as(svc.name()).isGreaterThanOrEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theNamespaceEnforcesTheRestrictedPodSecurityStandard(String overlay) {
        assertThat(Rendered.of(overlay).all(Namespace.class)).singleElement().satisfies(ns ->
                assertThat(ns.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted"));
    }
}
