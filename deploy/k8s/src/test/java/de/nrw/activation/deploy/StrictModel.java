package de.nrw.activation.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a rendered document into the typed model of its kind and fails on anything the model
 * does not know. The fabric8, Strimzi and Prometheus Operator models are generated from the
 * real API schemas but keep unknown fields in "additionalProperties" instead of rejecting them,
 * so strictness is checked here three ways:
 * <ol>
 *   <li>the (apiVersion, kind) must be one this suite is allowed to ship, mapped to its model;</li>
 *   <li>no object anywhere in the loaded graph may hold additional (unknown) properties;</li>
 *   <li>writing the model back must give exactly the input (no field dropped, no value coerced,
 *       e.g. "3" for 3 or "true" for true).</li>
 * </ol>
 * CloudNativePG publishes no Java model: {@link CnpgCluster} is this project's own model of the
 * subset of the Cluster spec we use (field names from the CloudNativePG API reference), read with
 * FAIL_ON_UNKNOWN_PROPERTIES.
 */
final class StrictModel {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** Every kind the suite ships, by "apiVersion/kind". Anything else fails the test. */
    static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CnpgCluster.class));

    private StrictModel() {
    }

    /** The typed object, or an AssertionError naming the document and every problem found. */
    static Object load(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String name = document.path("metadata").path("name").asText();
        String id = apiVersion + "/" + kind + " " + name;
        Class<?> type = KINDS.get(apiVersion + "/" + kind);
        if (type == null) {
            throw new AssertionError(id + ": kind not known to the strict model (allowed: " + KINDS.keySet() + ")");
        }
        if (HasMetadata.class.isAssignableFrom(type) && type != KafkaTopic.class && type != KafkaUser.class) {
            @SuppressWarnings("unchecked")
            Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) type;
            if (!HasMetadata.getApiVersion(resource).equals(apiVersion) || !HasMetadata.getKind(resource).equals(kind)) {
                throw new AssertionError(id + ": model " + type.getName() + " is " + HasMetadata.getApiVersion(resource)
                        + "/" + HasMetadata.getKind(resource));
            }
        }
        Object typed;
        try {
            typed = MAPPER.treeToValue(document, type);
        } catch (Exception e) {
            throw new AssertionError(id + ": does not match the " + type.getSimpleName() + " schema: " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(typed, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!unknown.isEmpty()) {
            throw new AssertionError(id + ": fields unknown to the " + type.getSimpleName() + " schema: " + unknown);
        }
        JsonNode written = withoutNulls(MAPPER.valueToTree(typed));
        JsonNode read = withoutNulls(document.deepCopy());
        String difference = firstDifference(read, written, "");
        if (difference != null) {
            throw new AssertionError(id + ": does not survive the model unchanged (a value of the wrong type?) at "
                    + difference);
        }
        return typed;
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectUnknownFields(entry.getValue(), path + "." + entry.getKey(), unknown, seen);
            }
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!(pkg.startsWith("io.fabric8.") || pkg.startsWith("io.strimzi.") || pkg.startsWith("de.nrw."))) {
            return;
        }
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            Object extra = getter.invoke(value);
            if (extra instanceof Map<?, ?> map && !map.isEmpty()) {
                for (Object key : map.keySet()) {
                    unknown.add((path.isEmpty() ? "" : path.substring(1) + ".") + key);
                }
            }
        } catch (NoSuchMethodException none) {
            // a type without a catch-all: Jackson has already rejected unknown fields
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("additionalProperties")) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    collectUnknownFields(field.get(value), path + "." + field.getName(), unknown, seen);
                } catch (RuntimeException | IllegalAccessException inaccessible) {
                    // JDK internals (never reached from model classes)
                }
            }
        }
    }

    /** Path and values of the first difference, or null; numbers compare by value (40 == 40L). */
    static String firstDifference(JsonNode input, JsonNode model, String path) {
        if (input.isNumber() && model.isNumber()) {
            return input.decimalValue().compareTo(model.decimalValue()) == 0 ? null
                    : path + ": " + input + " became " + model;
        }
        if (input.getNodeType() != model.getNodeType()) {
            return path + ": " + input + " became " + model;
        }
        if (input.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            input.fieldNames().forEachRemaining(names::add);
            model.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode a = input.get(name);
                JsonNode b = model.get(name);
                if (a == null || b == null) {
                    return path + "." + name + ": " + (a == null ? "added by the model as " + b : a + " dropped by the model");
                }
                String d = firstDifference(a, b, path + "." + name);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (input.isArray()) {
            if (input.size() != model.size()) {
                return path + ": " + input.size() + " items became " + model.size();
            }
            for (int i = 0; i < input.size(); i++) {
                String d = firstDifference(input.get(i), model.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return input.equals(model) ? null : path + ": " + input + " became " + model;
    }

    /** Removes null members (absent and null mean the same to the API server). */
    static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getValue().isNull()) {
                    it.remove();
                } else {
                    withoutNulls(entry.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(StrictModel::withoutNulls);
        }
        return node;
    }
}
