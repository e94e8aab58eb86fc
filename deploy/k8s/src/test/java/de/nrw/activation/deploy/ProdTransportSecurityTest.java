package de.nrw.activation.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production traffic to Kafka and PostgreSQL is encrypted and authenticated: SASL_SSL with
 * SCRAM-SHA-512 per service, a KafkaUser per service whose ACLs are exactly what the service's code
 * publishes and consumes (read from the sources: {@code outbox.publish(Topics.X, ...)} and the
 * consumers it starts, with the topic names of contract's {@code Topics}), and JDBC URLs with
 * {@code sslmode=verify-full} against the database's CA.
 */
class ProdTransportSecurityTest {

    private static final Rendered PROD = Rendered.of("overlays/prod");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("public static final String ([A-Z_]+) = \"([a-z-]+)\";");
    private static final Pattern PUBLISH = Pattern.compile("publish\\(\\s*Topics\\.([A-Z_]+)");
    private static final Pattern CONSUME = Pattern.compile("[cC]onsumers\\.(?:start|create)\\([^,]+,\\s*Topics\\.([A-Z_]+)");

    /** The contract's topics: constant name to topic name (contract/.../Topics.java). */
    static Map<String, String> contractTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        Matcher m = TOPIC_CONSTANT.matcher(read(Rendered.repoRoot()
                .resolve("contract/src/main/java/de/nrw/activation/contract/Topics.java")));
        while (m.find()) {
            topics.put(m.group(1), m.group(2));
        }
        return topics;
    }

    /** The topics a service's main code refers to through {@code pattern} ({@code Topics.ALL}: all of them). */
    static Set<String> topicsIn(Suite.Svc svc, Pattern pattern) {
        Map<String, String> contract = contractTopics();
        Set<String> found = new TreeSet<>();
        for (String source : sources(svc)) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                String constant = m.group(1);
                if (constant.equals("ALL")) {
                    found.addAll(contract.values());
                } else {
                    assertThat(contract).as("%s: Topics.%s", svc.name(), constant).containsKey(constant);
                    found.add(contract.get(constant));
                }
            }
        }
        return found;
    }

    private static List<String> sources(Suite.Svc svc) {
        Path main = Rendered.repoRoot().resolve(svc.name()).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(ProdTransportSecurityTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Container container(Suite.Svc svc) {
        return PROD.named(Deployment.class, svc.name()).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, String> config(Suite.Svc svc) {
        Map<String, String> config = new HashMap<>();
        container(svc).getEnvFrom().forEach(from ->
                config.putAll(PROD.named(ConfigMap.class, from.getConfigMapRef().getName()).getData()));
        return config;
    }

    @Test
    void theSourcesNameWhatEachServiceProducesAndConsumes() {
        // a guard for the derivation below: if these fail, the code moved and the patterns must follow it
        Map<String, Set<String>> produced = new LinkedHashMap<>();
        Map<String, Set<String>> consumed = new LinkedHashMap<>();
        for (Suite.Svc svc : Suite.SERVICES) {
            produced.put(svc.name(), topicsIn(svc, PUBLISH));
            consumed.put(svc.name(), topicsIn(svc, CONSUME));
        }
        assertThat(produced).containsEntry("participants-service", Set.of("participant-events"))
                .containsEntry("groups-service", Set.of("group-events"))
                .containsEntry("outcomes-service", Set.of("outcome-events"))
                .containsEntry("reporting-service", Set.of());
        assertThat(consumed.get("reporting-service")).containsExactlyInAnyOrderElementsOf(Suite.TOPICS);
        assertThat(consumed.get("outcomes-service")).containsExactlyInAnyOrder("participant-events", "group-events");
    }

    @Test
    void everyServiceTalksToKafkaOverSaslSslWithScramFromItsKafkaUsersSecret() {
        for (Suite.Svc svc : Suite.SERVICES) {
            Map<String, String> config = config(svc);
            assertThat(config).as(svc.name())
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "https")
                    .doesNotContainKey("KAFKA_SASL_JAAS_CONFIG");
            assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS")).endsWith(":9093");

            EnvVar jaas = container(svc).getEnv().stream().filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                    .findFirst().orElseThrow(() -> new AssertionError(svc.name() + " has no KAFKA_SASL_JAAS_CONFIG"));
            assertThat(jaas.getValue()).isNull();
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).as("Strimzi's Secret of the KafkaUser").isEqualTo(svc.name());
            assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");

            // the brokers' certificates are checked against the cluster CA, and only the certificate is mounted
            PodSpec pod = PROD.named(Deployment.class, svc.name()).getSpec().getTemplate().getSpec();
            String truststore = config.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            assertThat(config).containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            assertMountedCertificate(svc, pod, truststore, "activation-kafka-cluster-ca-cert");

            KafkaUser user = PROD.named(KafkaUser.class, svc.name());
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "activation-kafka");
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
        }
    }

    @Test
    void eachKafkaUserMayWriteOnlyItsOwnTopicAndReadOnlyWhatItConsumes() {
        assertThat(PROD.all(KafkaUser.class)).extracting(u -> u.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Suite.SERVICES.stream().map(Suite.Svc::name).toList());
        for (Suite.Svc svc : Suite.SERVICES) {
            KafkaUser user = PROD.named(KafkaUser.class, svc.name());
            assertThat(user.getSpec().getAuthorization()).isInstanceOf(KafkaUserAuthorizationSimple.class);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            acls.forEach(acl -> assertThat(acl.getType() == null || acl.getType() == io.strimzi.api.kafka.model.user.acl.AclRuleType.ALLOW)
                    .as("%s: allow rules only", svc.name()).isTrue());

            Map<String, Set<AclOperation>> topics = new HashMap<>();
            Map<String, Set<AclOperation>> groups = new HashMap<>();
            for (AclRule acl : acls) {
                if (acl.getResource() instanceof AclRuleTopicResource topic) {
                    assertThat(topic.getPatternType()).as("%s topic %s", svc.name(), topic.getName())
                            .isEqualTo(AclResourcePatternType.LITERAL);
                    topics.computeIfAbsent(topic.getName(), k -> new TreeSet<>()).addAll(acl.getOperations());
                } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                    groups.computeIfAbsent(group.getName(), k -> new TreeSet<>()).addAll(acl.getOperations());
                } else {
                    throw new AssertionError(svc.name() + ": an ACL on " + acl.getResource().getType()
                            + " (only topics and the service's own consumer groups)");
                }
            }
            Set<String> produces = topicsIn(svc, PUBLISH);
            Set<String> consumes = topicsIn(svc, CONSUME);
            Set<String> writable = topics.entrySet().stream().filter(e -> e.getValue().contains(AclOperation.WRITE))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Set<String> readable = topics.entrySet().stream().filter(e -> e.getValue().contains(AclOperation.READ))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(writable).as("%s writes", svc.name()).containsExactlyInAnyOrderElementsOf(produces);
            assertThat(readable).as("%s reads", svc.name()).containsExactlyInAnyOrderElementsOf(consumes);
            assertThat(topics.keySet()).as("%s: no topic it neither writes nor reads", svc.name())
                    .containsExactlyInAnyOrderElementsOf(union(produces, consumes));
            topics.values().forEach(ops -> assertThat(ops).as("%s topic operations", svc.name())
                    .isSubsetOf(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE));

            if (consumes.isEmpty()) {
                assertThat(groups).as("%s consumes nothing: no group", svc.name()).isEmpty();
            } else {
                // consumer groups are the service's own: named after it (groups-service.participant-events,
                // reporting.read-model.g7), and only read (join, commit offsets)
                assertThat(groups).as("%s groups", svc.name()).isNotEmpty();
                groups.forEach((name, ops) -> {
                    assertThat(name).as("%s group prefix", svc.name()).endsWith(".")
                            .satisfies(prefix -> assertThat(svc.name().startsWith(prefix.substring(0, prefix.length() - 1)))
                                    .as("%s: group prefix %s is its own", svc.name(), prefix).isTrue());
                    assertThat(ops).containsExactly(AclOperation.READ);
                });
            }
        }
    }

    @Test
    void everyJdbcUrlVerifiesTheDatabaseServerWithItsCa() {
        for (Suite.Svc svc : Suite.SERVICES) {
            String url = config(svc).get("QUARKUS_DATASOURCE_JDBC_URL");
            assertThat(url).as(svc.name()).startsWith("jdbc:postgresql://" + svc.cluster() + "-rw:5432/" + svc.database() + "?");
            Map<String, String> parameters = new HashMap<>();
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            assertThat(parameters).as(svc.name()).containsEntry("sslmode", "verify-full").containsKey("sslrootcert");
            PodSpec pod = PROD.named(Deployment.class, svc.name()).getSpec().getTemplate().getSpec();
            // CloudNativePG's CA Secret <cluster>-ca: its ca.crt only (the Secret also holds the CA's key)
            assertMountedCertificate(svc, pod, parameters.get("sslrootcert"), svc.cluster() + "-ca");
        }
    }

    @Test
    void theNetworkPoliciesLetTheServicesReachKafkasTlsListenerOnly() {
        for (Suite.Svc svc : Suite.SERVICES) {
            NetworkPolicy policy = PROD.named(NetworkPolicy.class, svc.name());
            List<Integer> kafkaPorts = policy.getSpec().getEgress().stream()
                    .filter(r -> r.getTo().get(0).getPodSelector() != null
                            && "activation-kafka".equals(r.getTo().get(0).getPodSelector().getMatchLabels().get("strimzi.io/cluster")))
                    .flatMap(r -> r.getPorts().stream()).map(p -> p.getPort().getIntVal()).toList();
            assertThat(kafkaPorts).as(svc.name()).containsExactly(9093);
        }
    }

    private static void assertMountedCertificate(Suite.Svc svc, PodSpec pod, String file, String secret) {
        assertThat(file).as("%s certificate file", svc.name()).isNotBlank();
        String dir = file.substring(0, file.lastIndexOf('/'));
        var mount = container(svc).getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dir)).findFirst()
                .orElseThrow(() -> new AssertionError(svc.name() + ": nothing mounted at " + dir));
        assertThat(mount.getReadOnly()).isTrue();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(volume.getSecret().getSecretName()).as("%s %s", svc.name(), file).isEqualTo(secret);
        assertThat(volume.getSecret().getItems()).as("%s: only the certificate", svc.name()).singleElement()
                .satisfies(item -> {
                    assertThat(item.getKey()).isEqualTo("ca.crt");
                    assertThat(dir + "/" + item.getPath()).isEqualTo(file);
                });
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
