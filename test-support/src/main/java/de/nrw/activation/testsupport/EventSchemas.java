package de.nrw.activation.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The messages of the suite's AsyncAPI document (docs/asyncapi.yaml, generated from {@code contract/}),
 * as checks of published records: per CloudEvents {@code type}, the channel (topic), the payload schema
 * (envelope and {@code data}), the record headers, the key schema, and which {@code data} field the key
 * ({@code x-kafka-key}) and the subject ({@code x-cloudevents-subject}) must equal.
 */
public final class EventSchemas {

    static final String DOCUMENT = "asyncapi/asyncapi.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile EventSchemas shared;

    private final Map<String, Message> messages = new HashMap<>();
    private final Set<String> addresses = new HashSet<>();

    private record Message(String type, String topic, JsonSchema payload, JsonSchema headers, JsonSchema key,
                           String keyField, String subjectField) { }

    private EventSchemas(String resource) {
        JsonNode document = read(resource);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH).build();
        Map<String, String> topicOfMessage = new HashMap<>();
        document.path("channels").forEach(channel -> {
            String address = channel.path("address").asText();
            addresses.add(address);
            channel.path("messages").forEach(ref -> topicOfMessage.put(ref.path("$ref").asText(), address));
        });
        Iterator<Map.Entry<String, JsonNode>> entries = document.path("components").path("messages").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String pointer = "#/components/messages/" + entry.getKey();
            JsonNode message = entry.getValue();
            String type = message.path("name").asText(entry.getKey());
            messages.put(type, new Message(type, topicOfMessage.get(pointer),
                    factory.getSchema(SchemaLocation.of("classpath:" + resource + pointer + "/payload"), config),
                    schema(factory, config, resource, document, pointer, message.path("headers")),
                    factory.getSchema(SchemaLocation.of("classpath:" + resource + pointer + "/bindings/kafka/key"), config),
                    field(message.path("x-kafka-key").asText()), field(message.path("x-cloudevents-subject").asText())));
        }
        if (messages.isEmpty()) {
            throw new IllegalStateException(resource + " describes no messages");
        }
    }

    /** The suite's document, read once. */
    public static EventSchemas shared() {
        if (shared == null) {
            synchronized (EventSchemas.class) {
                if (shared == null) {
                    shared = new EventSchemas(DOCUMENT);
                }
            }
        }
        return shared;
    }

    /** Whether the document describes {@code topic} (the suite's topics; test topics are not). */
    public boolean describes(String topic) {
        return addresses.contains(topic);
    }

    /** The event types the document knows. */
    public Set<String> types() {
        return new TreeSet<>(messages.keySet());
    }

    /**
     * What is wrong with one record against the document; empty if it matches. The problems name
     * fields and rules, never the record's values.
     */
    public List<String> problems(String topic, String key, JsonNode event, Map<String, String> headers) {
        List<String> problems = new ArrayList<>();
        if (event == null || !event.isObject()) {
            problems.add("the value is not a CloudEvent in JSON");
            return problems;
        }
        String type = event.path("type").asText();
        Message message = messages.get(type);
        if (message == null) {
            problems.add("type '" + type + "' is not a message of " + DOCUMENT + " (known: " + types() + ")");
            return problems;
        }
        if (!topic.equals(message.topic())) {
            problems.add(type + " belongs on " + message.topic() + ", not on " + topic);
        }
        for (ValidationMessage m : message.payload().validate(event)) {
            problems.add("value " + m.getMessage());
        }
        ObjectNode headerNode = JSON.createObjectNode();
        headers.forEach(headerNode::put);
        if (message.headers() != null) {
            for (ValidationMessage m : message.headers().validate(headerNode)) {
                problems.add("headers " + m.getMessage());
            }
        }
        JsonNode keyNode = key == null ? JSON.nullNode() : JSON.getNodeFactory().textNode(key);
        for (ValidationMessage m : message.key().validate(keyNode)) {
            problems.add("key " + m.getMessage().replaceFirst("^\\$", "(record key)"));
        }
        JsonNode data = event.path("data");
        if (message.keyField() != null && (key == null || !key.equals(data.path(message.keyField()).asText()))) {
            problems.add("the record key is not data." + message.keyField());
        }
        if (message.subjectField() != null
                && !event.path("subject").asText().equals(data.path(message.subjectField()).asText())) {
            problems.add("subject is not data." + message.subjectField());
        }
        return problems;
    }

    private static JsonSchema schema(JsonSchemaFactory factory, SchemaValidatorsConfig config, String resource,
                                     JsonNode document, String pointer, JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        String location = node.has("$ref") ? node.get("$ref").asText() : pointer + "/headers";
        if (!location.startsWith("#/") || document.at(location.substring(1)).isMissingNode()) {
            throw new IllegalStateException(resource + ": cannot resolve " + location);
        }
        return factory.getSchema(SchemaLocation.of("classpath:" + resource + location), config);
    }

    private static String field(String expression) {
        return expression.startsWith("data.") ? expression.substring("data.".length()) : null;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (test-support packages docs/asyncapi.yaml)");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
