package de.nrw.activation.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules every service's Deployment and its companions must follow, in every overlay. */
class DeploymentRulesTest {

    static Stream<String> overlays() {
        return Rendered.overlays();
    }

    private static Stream<Container> containers(Rendered rendered) {
        return rendered.all(Deployment.class).stream().flatMap(d -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            return Stream.concat(pod.getContainers().stream(),
                    pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerProbesTheQuarkusHealthEndpointsOnItsHttpPort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        assertThat(containers(rendered)).hasSize(Suite.SERVICES.size());
        containers(rendered).forEach(c -> {
            assertHttpProbe(c, "liveness", c.getLivenessProbe(), "/q/health/live");
            assertHttpProbe(c, "readiness", c.getReadinessProbe(), "/q/health/ready");
            assertHttpProbe(c, "startup", c.getStartupProbe(), "/q/health/started");
            // liveness must not kill a pod that is merely slow to start (Flyway): startup covers at least 2 min
            assertThat(c.getStartupProbe().getPeriodSeconds() * c.getStartupProbe().getFailureThreshold())
                    .as("%s startup budget in seconds", c.getName()).isGreaterThanOrEqualTo(120);
        });
    }

    private static void assertHttpProbe(Container c, String what, Probe probe, String path) {
        assertThat(probe).as("%s %s probe", c.getName(), what).isNotNull();
        assertThat(probe.getHttpGet()).as("%s %s probe is HTTP", c.getName(), what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s %s path", c.getName(), what).isEqualTo(path);
        Object port = probe.getHttpGet().getPort().getValue();
        Integer number = port instanceof Integer i ? i : c.getPorts().stream()
                .filter(p -> Objects.equals(p.getName(), port)).map(ContainerPort::getContainerPort).findFirst().orElse(null);
        assertThat(number).as("%s %s probe port %s is a container port", c.getName(), what, port).isNotNull();
        assertThat(number).isEqualTo(service(c.getName()).port());
    }

    private static Suite.Svc service(String name) {
        return Suite.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("unexpected container " + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerRequestsAndLimitsCpuAndMemory(String overlay) {
        containers(Rendered.of(overlay)).forEach(c -> {
            Map<String, Quantity> requests = c.getResources().getRequests();
            Map<String, Quantity> limits = c.getResources().getLimits();
            assertThat(requests).as("%s requests", c.getName()).containsKeys("cpu", "memory");
            assertThat(limits).as("%s limits", c.getName()).containsKeys("cpu", "memory");
            for (String resource : List.of("cpu", "memory")) {
                assertThat(Quantity.getAmountInBytes(requests.get(resource)))
                        .as("%s %s request <= limit", c.getName(), resource)
                        .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(resource)));
            }
            // a JVM with Kafka clients and Hibernate needs room: below 384Mi it is killed at start
            assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("384Mi")));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPodRunsAsNonRootReadOnlyWithoutPrivilegesOrCapabilities(String overlay) {
        Rendered.of(overlay).all(Deployment.class).forEach(d -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            String name = d.getMetadata().getName();
            assertThat(podSecurity).as("%s pod securityContext", name).isNotNull();
            assertThat(podSecurity.getRunAsNonRoot()).as("%s runAsNonRoot", name).isTrue();
            assertThat(podSecurity.getRunAsUser()).as("%s runAsUser", name).isNotNull().isPositive();
            assertThat(podSecurity.getSeccompProfile().getType()).as("%s seccomp", name).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as("%s mounts an API token", name).isFalse();
            assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
            for (Container c : pod.getContainers()) {
                SecurityContext security = c.getSecurityContext();
                assertThat(security).as("%s securityContext", c.getName()).isNotNull();
                assertThat(security.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", c.getName()).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", c.getName()).isFalse();
                assertThat(security.getPrivileged()).as("%s privileged", c.getName()).isNotEqualTo(Boolean.TRUE);
                assertThat(security.getRunAsNonRoot()).as("%s runAsNonRoot", c.getName()).isNotEqualTo(Boolean.FALSE);
                assertThat(security.getRunAsUser()).as("%s runAsUser", c.getName()).satisfiesAnyOf(
                        u -> assertThat(u).isNull(), u -> assertThat(u).isPositive());
                assertThat(security.getCapabilities().getDrop()).as("%s drops", c.getName()).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as("%s adds", c.getName()).isNullOrEmpty();
                // the read-only root needs a writable /tmp, and it must be an emptyDir
                VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst().orElseThrow(() -> new AssertionError(c.getName() + " has no /tmp mount"));
                Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName()))
                        .findFirst().orElseThrow();
                assertThat(volume.getEmptyDir()).as("%s /tmp is an emptyDir", c.getName()).isNotNull();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void shutdownGraceOutlastsThePreStopPauseAndQuarkusShutdownTimeout(String overlay) {
        Rendered.of(overlay).all(Deployment.class).forEach(d -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            long preStop = pod.getContainers().stream()
                    .map(c -> c.getLifecycle() == null || c.getLifecycle().getPreStop() == null
                            || c.getLifecycle().getPreStop().getSleep() == null
                            ? 0L : c.getLifecycle().getPreStop().getSleep().getSeconds())
                    .max(Long::compare).orElse(0L);
            assertThat(pod.getTerminationGracePeriodSeconds()).as("%s terminationGracePeriodSeconds", d.getMetadata().getName())
                    .isGreaterThan(preStop + Suite.QUARKUS_SHUTDOWN_SECONDS);
            assertThat(d.getSpec().getStrategy().getType()).as("%s strategy", d.getMetadata().getName())
                    .isEqualTo("RollingUpdate");
            assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getValue())
                    .as("%s rolling update keeps every pod until its successor is ready", d.getMetadata().getName())
                    .isEqualTo(0);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentHasAServiceAutoscalerDisruptionBudgetAndServiceAccount(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        int partitions = rendered.all(KafkaTopic.class).stream().mapToInt(t -> t.getSpec().getPartitions()).min().orElseThrow();
        for (Suite.Svc svc : Suite.SERVICES) {
            Deployment deployment = rendered.named(Deployment.class, svc.name());
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getReplicas()).as("%s: the HPA owns the replica count", svc.name()).isNull();

            Service service = rendered.named(Service.class, svc.name());
            assertThat(podLabels).as("%s Service selects the pods", svc.name()).containsAllEntriesOf(service.getSpec().getSelector());
            ServicePort http = service.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
            assertThat(http.getPort()).isEqualTo(svc.port());
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                    .as("%s Service targetPort names a container port", svc.name())
                    .anySatisfy(p -> assertThat(p.getName()).isEqualTo(http.getTargetPort().getValue()));

            HorizontalPodAutoscaler hpa = rendered.named(HorizontalPodAutoscaler.class, svc.name());
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(svc.name());
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(hpa.getSpec().getMaxReplicas()).as("%s: more replicas than partitions would idle", svc.name())
                    .isLessThanOrEqualTo(partitions);
            assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
            if (svc.name().equals("reporting-service")) {
                // the read model's generation is shared state and the projection is shared through
                // the consumer group: two replicas at least, so one can go without the reports going
                assertThat(hpa.getSpec().getMinReplicas()).as("%s runs as two replicas at least", svc.name())
                        .isGreaterThanOrEqualTo(2);
            }

            PodDisruptionBudget pdb = rendered.named(PodDisruptionBudget.class, svc.name());
            assertThat(podLabels).as("%s PDB selects the pods", svc.name())
                    .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            if (pdb.getSpec().getMinAvailable() != null) {
                // minAvailable >= minReplicas would block every node drain
                assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isLessThan(hpa.getSpec().getMinReplicas());
            } else {
                assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isPositive();
            }

            ServiceAccount account = rendered.named(ServiceAccount.class, svc.name());
            assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(account.getMetadata().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceGetsItsPortDatabaseKafkaAndJwtSettingsFromConfigMapsAndSecrets(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Suite.Svc svc : Suite.SERVICES) {
            Container c = rendered.named(Deployment.class, svc.name()).getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> config = new java.util.HashMap<>();
            for (EnvFromSource from : c.getEnvFrom()) {
                assertThat(from.getSecretRef()).as("%s: whole Secrets as env hide what is used", svc.name()).isNull();
                ConfigMap map = rendered.named(ConfigMap.class, from.getConfigMapRef().getName());
                config.putAll(map.getData());
            }
            assertThat(config).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(svc.port()))
                    .containsKeys("KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            // prod adds ?sslmode=verify-full&... (ProdTransportSecurityTest)
            assertThat(config.get("QUARKUS_DATASOURCE_JDBC_URL"))
                    .matches(java.util.regex.Pattern.quote("jdbc:postgresql://" + svc.cluster() + "-rw:5432/" + svc.database()) + "(\\?.*)?");
            assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS")).matches("[a-z0-9.-]+:\\d+(,[a-z0-9.-]+:\\d+)*");

            Map<String, EnvVar> env = new java.util.HashMap<>();
            c.getEnv().forEach(e -> env.put(e.getName(), e));
            for (String[] secretEnv : new String[][]{{"QUARKUS_DATASOURCE_USERNAME", "username"}, {"QUARKUS_DATASOURCE_PASSWORD", "password"}}) {
                EnvVar var = env.get(secretEnv[0]);
                assertThat(var).as("%s %s", svc.name(), secretEnv[0]).isNotNull();
                assertThat(var.getValue()).isNull();
                assertThat(var.getValueFrom().getSecretKeyRef().getName()).isEqualTo(svc.credentialsSecret());
                assertThat(var.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(secretEnv[1]);
            }

            // tokens are verified against the identity provider: its JWKS over HTTPS, its issuer, the suite's audience
            assertThat(config.get("MP_JWT_VERIFY_ISSUER")).startsWith("https://");
            assertThat(config.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")).as("%s JWKS URL", svc.name())
                    .isEqualTo(config.get("MP_JWT_VERIFY_ISSUER") + "/protocol/openid-connect/certs");
            assertThat(config.get("MP_JWT_VERIFY_AUDIENCES")).isEqualTo("activation-suite");
            assertThat(config.get("DASHBOARD_OIDC_ISSUER")).isEqualTo(config.get("MP_JWT_VERIFY_ISSUER"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyImageComesFromARegistryWithAPinnedTag(String overlay) {
        containers(Rendered.of(overlay)).forEach(c -> {
            assertThat(c.getImage()).as("%s image", c.getName())
                    .matches("[a-z0-9.-]+\\.[a-z]+(:\\d+)?/.+/" + c.getName() + "(:[\\w.-]+|@sha256:[0-9a-f]{64})")
                    .doesNotEndWith(":latest");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void groupsServiceFindsParticipantsServiceThroughItsKubernetesService(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Container c = rendered.named(Deployment.class, "groups-service").getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> config = new java.util.HashMap<>();
        c.getEnvFrom().forEach(from -> config.putAll(rendered.named(ConfigMap.class, from.getConfigMapRef().getName()).getData()));
        Service participants = rendered.named(Service.class, "participants-service");
        int port = participants.getSpec().getPorts().get(0).getPort();
        assertThat(config.get("PARTICIPANTS_URL")).isEqualTo("http://participants-service:" + port);
        assertThat(Integer.parseInt(config.get("PARTICIPANTS_READ_TIMEOUT_MS")))
                .as("an entry waits for the age band at most this long").isBetween(100, 5000);
        assertThat(Integer.parseInt(config.get("PARTICIPANTS_CONNECT_TIMEOUT_MS"))).isBetween(100, 5000);
    }
}
