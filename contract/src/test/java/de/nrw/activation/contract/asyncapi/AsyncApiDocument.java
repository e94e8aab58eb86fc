package de.nrw.activation.contract.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds docs/asyncapi.yaml: the hand-written template ({@code asyncapi/asyncapi-template.yaml}:
 * info, servers, channels, operations, the CloudEvents envelope) completed from the contract's code:
 * one message per entry of {@link EventTypes#ALL} on the channel whose address is its topic, the
 * messages of each operation (all of its channel's), and the {@code data} schemas generated from the
 * contract records with victools' generator and its Jackson module ({@code @JsonProperty(required = true)}
 * gives {@code required}, enums give {@code enum}).
 */
public final class AsyncApiDocument {

    /** The document, relative to the contract module (the working directory of its tests). */
    public static final Path FILE = Path.of("..", "docs", "asyncapi.yaml");

    /** How to bring docs/asyncapi.yaml up to date after a change of the contract or the template. */
    public static final String REGENERATE =
            "./mvnw -B -o test -pl contract -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true";

    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private static final String HEADER = """
            # GENERATED from the contract module: do not edit by hand.
            # Texts, servers and operations: contract/src/test/resources/asyncapi/asyncapi-template.yaml;
            # topics, event types and data schemas: contract/src/main/java (Topics, EventTypes, *Data, enums).
            # Regenerate: %s
            """.formatted(REGENERATE);

    private AsyncApiDocument() { }

    /** The whole document as the template and the contract's code say it should be. */
    public static ObjectNode generate() {
        ObjectNode doc = template();
        ObjectNode channels = (ObjectNode) doc.required("channels");
        ObjectNode components = (ObjectNode) doc.required("components");
        ObjectNode templateMessages = components.has("messages") ? (ObjectNode) components.get("messages") : YAML.createObjectNode();
        ObjectNode schemas = (ObjectNode) components.required("schemas");

        JsonNode recordKey = schemas.remove("RecordKey");
        if (recordKey == null) {
            throw new IllegalStateException("The AsyncAPI template lacks components.schemas.RecordKey");
        }
        SchemaBuilder dataSchemas = dataSchemaGenerator().buildMultipleSchemaDefinitions();
        List<EventTypes.Definition> definitions = EventTypes.ALL.values().stream()
                .sorted(Comparator.comparing((EventTypes.Definition d) -> Topics.ALL.indexOf(d.topic()))
                        .thenComparing(d -> order(templateMessages, d.type()))
                        .thenComparing(EventTypes.Definition::type))
                .toList();

        ObjectNode messages = YAML.createObjectNode();
        for (EventTypes.Definition definition : definitions) {
            String channelName = channelOf(channels, definition.topic());
            ObjectNode channel = (ObjectNode) channels.get(channelName);
            ObjectNode message = message(definition, channel, templateMessages.path(definition.type()),
                    dataSchemas.createSchemaReference(definition.data()), recordKey);
            messages.set(definition.type(), message);
            ((ObjectNode) channel.required("messages")).set(definition.type(), ref("#/components/messages/" + definition.type()));
        }
        for (String topic : Topics.ALL) {
            channelOf(channels, topic);
        }

        Iterator<Map.Entry<String, JsonNode>> operations = doc.required("operations").fields();
        while (operations.hasNext()) {
            ObjectNode operation = (ObjectNode) operations.next().getValue();
            String channelName = operation.required("channel").required("$ref").asText().substring("#/channels/".length());
            ArrayNode refs = operation.putArray("messages");
            channels.required(channelName).required("messages").fieldNames()
                    .forEachRemaining(type -> refs.add(ref("#/channels/" + channelName + "/messages/" + type)));
        }

        ObjectNode generated = dataSchemas.collectDefinitions("components/schemas");
        generated.fields().forEachRemaining(entry -> {
            if (schemas.has(entry.getKey())) {
                throw new IllegalStateException("Schema " + entry.getKey() + " is both in the template and generated");
            }
            schemas.set(entry.getKey(), entry.getValue());
        });

        // components in a fixed, readable order: messages after the template's other parts
        ObjectNode ordered = YAML.createObjectNode();
        ordered.set("messages", messages);
        components.fields().forEachRemaining(entry -> {
            if (!entry.getKey().equals("messages")) {
                ordered.set(entry.getKey(), entry.getValue());
            }
        });
        doc.set("components", ordered);
        return doc;
    }

    /** The document as YAML, with the header saying where it comes from. */
    public static String render(ObjectNode doc) {
        try {
            return HEADER + YAML.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The record field that is the Kafka key: the participant id; for events without one
     * (about a group only), the group id.
     */
    static String keyField(Class<? extends Record> data) {
        for (String candidate : List.of("participantId", "groupId")) {
            for (RecordComponent component : data.getRecordComponents()) {
                if (component.getName().equals(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(data.getSimpleName() + " has neither participantId nor groupId for the record key");
    }

    /** The record field that is the CloudEvents subject: the aggregate's id, the record's first UUID. */
    static String subjectField(Class<? extends Record> data) {
        for (RecordComponent component : data.getRecordComponents()) {
            if (component.getType() == UUID.class) {
                return component.getName();
            }
        }
        throw new IllegalStateException(data.getSimpleName() + " has no UUID field for the subject");
    }

    private static ObjectNode message(EventTypes.Definition definition, ObjectNode channel, JsonNode fromTemplate,
                                      ObjectNode dataRef, JsonNode recordKey) {
        ObjectNode message = YAML.createObjectNode();
        message.put("name", definition.type());
        message.put("title", definition.type());
        message.put("summary", fromTemplate.path("summary").asText("The " + definition.type() + " event."));
        if (fromTemplate.has("description")) {
            message.set("description", fromTemplate.get("description"));
        }
        message.put("contentType", "application/cloudevents+json");
        message.set("headers", ref("#/components/schemas/RecordHeaders"));
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        // inline: the official schema's oneOf (Reference | Schema) matches a $ref twice here
        String keyField = keyField(definition.data());
        kafka.set("key", ((ObjectNode) recordKey.deepCopy()).put("description", (keyField.equals("participantId")
                ? "The participant id" : "The group id") + " (`data." + keyField + "`)."));
        kafka.put("bindingVersion", "0.5.0");

        ObjectNode payload = message.putObject("payload");
        ArrayNode allOf = payload.putArray("allOf");
        allOf.add(ref("#/components/schemas/CloudEvent"));
        ObjectNode specific = allOf.addObject();
        specific.put("type", "object");
        ObjectNode properties = specific.putObject("properties");
        properties.putObject("type").put("const", definition.type());
        properties.putObject("source").put("const", channel.required("x-cloudevents-source").asText());
        properties.set("data", dataRef);

        message.put("x-kafka-key", "data." + keyField);
        message.put("x-cloudevents-subject", "data." + subjectField(definition.data()));
        return message;
    }

    private static SchemaGenerator dataSchemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.FLATTENED_ENUMS);
        // fields in the records' declaration order, as contract.md lists them
        config.forTypesInGeneral()
                .withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS)
                .withDefinitionNamingStrategy((key, context) -> {
                    Class<?> type = key.getType().getErasedType();
                    return type.getEnclosingClass() == null ? type.getSimpleName()
                            : type.getEnclosingClass().getSimpleName() + type.getSimpleName();
                });
        return new SchemaGenerator(config.build());
    }

    private static String channelOf(ObjectNode channels, String topic) {
        Iterator<Map.Entry<String, JsonNode>> entries = channels.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (topic.equals(entry.getValue().path("address").asText())) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("The AsyncAPI template has no channel with address " + topic);
    }

    private static int order(ObjectNode templateMessages, String type) {
        int i = 0;
        for (Iterator<String> names = templateMessages.fieldNames(); names.hasNext(); i++) {
            if (names.next().equals(type)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static ObjectNode ref(String pointer) {
        return YAML.createObjectNode().put("$ref", pointer);
    }

    private static ObjectNode template() {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream("/asyncapi/asyncapi-template.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
