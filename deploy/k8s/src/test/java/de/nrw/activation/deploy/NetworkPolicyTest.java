package de.nrw.activation.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Only what must talk, talks: default deny, then one narrow policy per service and database. */
class NetworkPolicyTest {

    static Stream<String> overlays() {
        return Rendered.overlays();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()
                ? labels.entrySet().containsAll(selector.getMatchLabels() == null ? Set.of() : selector.getMatchLabels().entrySet())
                : false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everythingIsDeniedUnlessAPolicyAllowsIt(String overlay) {
        NetworkPolicy deny = Rendered.of(overlay).named(NetworkPolicy.class, "default-deny-all");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();

        // the only namespace-wide allowance is DNS (port 53 to kube-dns)
        Rendered.of(overlay).all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPodSelector().getMatchLabels() == null || p.getSpec().getPodSelector().getMatchLabels().isEmpty())
                .filter(p -> p != deny)
                .forEach(p -> {
                    assertThat(p.getMetadata().getName()).isEqualTo("allow-dns");
                    assertThat(p.getSpec().getIngress()).isNullOrEmpty();
                    assertThat(p.getSpec().getEgress()).allSatisfy(rule -> {
                        assertThat(rule.getPorts()).extracting(port -> port.getPort().getIntVal()).containsOnly(53);
                        assertThat(rule.getTo()).isNotEmpty();
                    });
                });
    }

    /**
     * The one call between services: groups-service asks participants-service for the age band on
     * an entry date (the birth date stays in participants-service; docs/architecture.md).
     */
    private static final Map<String, String> CALLS = Map.of("groups-service", "participants-service");

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachServiceIsReachedOnItsPortOnlyFromIngressAndPrometheus(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Suite.Svc svc : Suite.SERVICES) {
            Map<String, String> podLabels = rendered.named(Deployment.class, svc.name()).getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class).stream()
                    .filter(p -> selects(p.getSpec().getPodSelector(), podLabels)).toList();
            List<NetworkPolicy> own = policies.stream().filter(p -> !p.getSpec().getPodSelector().getMatchLabels().isEmpty()).toList();
            assertThat(own).as("%s has its own NetworkPolicy", svc.name()).hasSize(1);
            NetworkPolicy policy = own.get(0);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).filteredOn(rule -> !fromACallingService(rule)).isNotEmpty().allSatisfy(rule -> {
                assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsOnly(svc.port());
                assertThat(rule.getFrom()).isNotEmpty().allSatisfy(peer -> {
                    assertThat(peer.getIpBlock()).as("no address ranges").isNull();
                    assertThat(peer.getNamespaceSelector().getMatchLabels()).containsKey("kubernetes.io/metadata.name");
                    assertThat(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                            .isIn("ingress-nginx", "monitoring");
                    assertThat(peer.getPodSelector().getMatchLabels()).isNotEmpty();
                });
            });
        }
    }

    /** An ingress rule that lets another service of the suite (same namespace, no namespace selector) in. */
    private static boolean fromACallingService(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule rule) {
        return rule.getFrom().stream().allMatch(peer -> peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                && CALLS.containsKey(peer.getPodSelector().getMatchLabels().get(Suite.SELECTOR_LABEL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyGroupsServiceReachesParticipantsServiceAndOnlyOnItsPort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Suite.Svc svc : Suite.SERVICES) {
            List<NetworkPolicyPeer> callers = rendered.named(NetworkPolicy.class, svc.name()).getSpec().getIngress().stream()
                    .filter(NetworkPolicyTest::fromACallingService)
                    .peek(rule -> assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(svc.port()))
                    .flatMap(rule -> rule.getFrom().stream()).toList();
            List<String> callerNames = callers.stream().map(p -> p.getPodSelector().getMatchLabels().get(Suite.SELECTOR_LABEL)).toList();
            List<String> expected = CALLS.entrySet().stream().filter(c -> c.getValue().equals(svc.name())).map(Map.Entry::getKey).toList();
            assertThat(callerNames).as("services that may call %s", svc.name()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachServiceMayReachOnlyItsOwnDatabaseTheKafkaBrokersTheServiceItCallsAndTheIdentityProvider(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Suite.Svc svc : Suite.SERVICES) {
            NetworkPolicy policy = rendered.named(NetworkPolicy.class, svc.name());
            List<NetworkPolicyEgressRule> all = policy.getSpec().getEgress();
            String callee = CALLS.get(svc.name());
            assertThat(all).hasSize(callee == null ? 3 : 4)
                    .allSatisfy(rule -> assertThat(rule.getTo()).as("no egress to anywhere").isNotEmpty());
            // the one address range: the identity provider's JWKS, HTTPS only, one host or a narrow range
            List<NetworkPolicyEgressRule> provider = all.stream().filter(r -> r.getTo().get(0).getIpBlock() != null).toList();
            assertThat(provider).singleElement().satisfies(rule -> {
                assertThat(rule.getPorts()).extracting(NetworkPolicyPort::getPort).extracting(p -> p.getIntVal()).containsExactly(443);
                assertThat(rule.getTo()).singleElement().satisfies(peer ->
                        assertThat(Integer.parseInt(peer.getIpBlock().getCidr().split("/")[1])).isGreaterThanOrEqualTo(24));
            });
            List<NetworkPolicyEgressRule> egress = all.stream().filter(r -> r.getTo().get(0).getIpBlock() == null).toList();
            List<NetworkPolicyPeer> peers = egress.stream().flatMap(r -> r.getTo().stream()).toList();
            assertThat(peers).allSatisfy(peer -> assertThat(peer.getIpBlock()).isNull());
            Set<Map<String, String>> targets = peers.stream().map(p -> p.getPodSelector().getMatchLabels()).collect(Collectors.toSet());
            Set<Map<String, String>> expected = new java.util.HashSet<>(Set.of(
                    Map.of("cnpg.io/cluster", svc.cluster()),
                    Map.of("strimzi.io/cluster", "activation-kafka", "strimzi.io/kind", "Kafka")));
            if (callee != null) {
                expected.add(Map.of(Suite.SELECTOR_LABEL, callee));
                Suite.Svc called = Suite.SERVICES.stream().filter(s -> s.name().equals(callee)).findFirst().orElseThrow();
                NetworkPolicyEgressRule call = egress.stream()
                        .filter(r -> callee.equals(r.getTo().get(0).getPodSelector().getMatchLabels().get(Suite.SELECTOR_LABEL)))
                        .findFirst().orElseThrow();
                assertThat(call.getTo()).hasSize(1);
                assertThat(call.getTo().get(0).getNamespaceSelector()).as("same namespace only").isNull();
                assertThat(call.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(called.port());
            }
            assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
            NetworkPolicyEgressRule db = egress.stream()
                    .filter(r -> r.getTo().get(0).getPodSelector().getMatchLabels().containsKey("cnpg.io/cluster")).findFirst().orElseThrow();
            assertThat(db.getPorts()).extracting(NetworkPolicyPort::getPort).extracting(p -> p.getIntVal()).containsExactly(5432);
            for (Suite.Svc other : Suite.SERVICES) {
                if (other != svc && !other.name().equals(callee)) {
                    assertThat(targets).as("%s may not call %s", svc.name(), other.name())
                            .noneMatch(t -> other.name().equals(t.get(Suite.SELECTOR_LABEL)));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachDatabaseIsReachedByItsOwnServiceOnly(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Suite.Svc svc : Suite.SERVICES) {
            NetworkPolicy policy = rendered.named(NetworkPolicy.class, svc.cluster());
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(Map.of("cnpg.io/cluster", svc.cluster()));
            List<Map<String, String>> appPeers = policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                    .filter(p -> p.getNamespaceSelector() == null)
                    .map(p -> p.getPodSelector().getMatchLabels()).toList();
            assertThat(appPeers).containsExactlyInAnyOrder(
                    Map.of(Suite.SELECTOR_LABEL, svc.name()),
                    Map.of("cnpg.io/cluster", svc.cluster()));
        }
    }
}
