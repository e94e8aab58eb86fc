package de.nrw.activation.contract.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import de.nrw.activation.contract.EventTypes;
import de.nrw.activation.contract.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/asyncapi.yaml is what the contract's code says, and a valid AsyncAPI 3.0 document.
 * With {@code -Dasyncapi.write=true} it (re)writes the file first.
 */
class AsyncApiDocumentTest {

    private static JsonNode committed;

    @BeforeAll
    static void readCommittedDocument() throws IOException {
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(AsyncApiDocument.FILE, AsyncApiDocument.render(AsyncApiDocument.generate()), StandardCharsets.UTF_8);
        }
        if (!Files.exists(AsyncApiDocument.FILE)) {
            fail(AsyncApiDocument.FILE + " is missing. Generate it: " + AsyncApiDocument.REGENERATE);
        }
        committed = AsyncApiDocument.YAML.readTree(AsyncApiDocument.FILE.toFile());
    }

    @Test
    void committedDocumentIsTheOneGeneratedFromTheContract() {
        List<String> differences = new ArrayList<>();
        diff("", AsyncApiDocument.generate(), committed, differences);
        if (!differences.isEmpty()) {
            fail("docs/asyncapi.yaml differs from what the contract records, enums and the template say:\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(30, differences.size())))
                    + "\nRegenerate it: " + AsyncApiDocument.REGENERATE);
        }
    }

    @Test
    void committedDocumentIsValidAsyncApi300() {
        assertThat(officialSchemaErrors(committed)).isEmpty();
        assertThat(committed.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void theOfficialSchemaRejectsABrokenDocument() {
        ObjectNode broken = committed.deepCopy();
        ((ObjectNode) broken.path("operations").path("groupsServiceSendsGroupEvents")).put("action", "publish");
        ((ObjectNode) broken.path("channels").path("groupEvents")).put("address", 42);
        ((ObjectNode) broken.path("info")).remove("version");

        Set<String> errors = officialSchemaErrors(broken);

        assertThat(errors).anySatisfy(e -> assertThat(e).contains("$.operations.groupsServiceSendsGroupEvents.action"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("$.channels.groupEvents.address"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("$.info").contains("version"));
    }

    /** Read with plain reflection, independent of the generator: every type, topic, field, required field and enum value. */
    @Test
    void everyEventTypeIsAMessageOfItsTopicsChannelWithTheRecordsFieldsRequiredFieldsAndEnumValues() {
        JsonNode channels = committed.path("channels");
        Set<String> addresses = new TreeSet<>();
        channels.forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);

        Set<String> messages = new TreeSet<>();
        committed.path("components").path("messages").fieldNames().forEachRemaining(messages::add);
        assertThat(messages).containsExactlyInAnyOrderElementsOf(EventTypes.ALL.keySet());

        for (EventTypes.Definition definition : EventTypes.ALL.values()) {
            JsonNode channel = StreamSupport.stream(channels.spliterator(), false)
                    .filter(c -> c.path("address").asText().equals(definition.topic())).findFirst().orElseThrow();
            assertThat(channel.path("messages").path(definition.type()).path("$ref").asText())
                    .as(definition.type() + " on " + definition.topic())
                    .isEqualTo("#/components/messages/" + definition.type());

            JsonNode payload = committed.path("components").path("messages").path(definition.type()).path("payload");
            assertThat(payload.path("allOf").path(0).path("$ref").asText()).isEqualTo("#/components/schemas/CloudEvent");
            JsonNode specific = payload.path("allOf").path(1).path("properties");
            assertThat(specific.path("type").path("const").asText()).isEqualTo(definition.type());
            assertSchemaMatchesRecord(definition.type(), resolve(specific.path("data")), definition.data());
        }
    }

    @Test
    void sendingAndReceivingOperationsListEveryMessageOfTheirChannel() {
        committed.path("operations").fields().forEachRemaining(entry -> {
            String channel = entry.getValue().path("channel").path("$ref").asText().substring("#/channels/".length());
            Set<String> listed = new TreeSet<>();
            entry.getValue().path("messages").forEach(m -> listed.add(m.path("$ref").asText()));
            Set<String> expected = new TreeSet<>();
            committed.path("channels").path(channel).path("messages").fieldNames()
                    .forEachRemaining(type -> expected.add("#/channels/" + channel + "/messages/" + type));
            assertThat(listed).as(entry.getKey()).isNotEmpty().isEqualTo(expected);
        });
        Set<String> sent = new TreeSet<>();
        committed.path("operations").forEach(op -> {
            if (op.path("action").asText().equals("send")) {
                sent.add(op.path("channel").path("$ref").asText());
            }
        });
        assertThat(sent).as("every channel has a producing service").hasSize(Topics.ALL.size());
    }

    private static void assertSchemaMatchesRecord(String where, JsonNode schema, Class<?> record) {
        Set<String> fields = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> required = Arrays.stream(record.getRecordComponents())
                .filter(c -> {
                    com.fasterxml.jackson.annotation.JsonProperty p = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    return p != null && p.required();
                })
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> requiredInSchema = new TreeSet<>();
        schema.path("required").forEach(r -> requiredInSchema.add(r.asText()));

        assertThat(properties).as(where + " (" + record.getSimpleName() + ") fields").containsExactlyElementsOf(fields);
        assertThat(requiredInSchema).as(where + " (" + record.getSimpleName() + ") required").isEqualTo(required);

        for (RecordComponent component : record.getRecordComponents()) {
            String path = where + "." + component.getName();
            JsonNode property = resolve(schema.path("properties").path(component.getName()));
            Class<?> type = component.getType();
            if (List.class.isAssignableFrom(type)) {
                type = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                assertThat(property.path("type").asText()).as(path).isEqualTo("array");
                property = resolve(property.path("items"));
            }
            if (type.isEnum()) {
                List<String> values = new ArrayList<>();
                property.path("enum").forEach(v -> values.add(v.asText()));
                assertThat(values).as(path + " enum").containsExactlyElementsOf(
                        Arrays.stream(type.getEnumConstants()).map(v -> ((Enum<?>) v).name()).toList());
            } else if (type.isRecord()) {
                assertSchemaMatchesRecord(path, property, type);
            }
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            return committed.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    static Set<String> officialSchemaErrors(JsonNode document) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"));
        return schema.validate(document).stream().map(ValidationMessage::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Paths where the generated and the committed document differ. */
    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual != null && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path + "/" + name;
                if (!actual.has(name)) {
                    differences.add(child + ": missing in docs/asyncapi.yaml");
                } else if (!expected.has(name)) {
                    differences.add(child + ": in docs/asyncapi.yaml but not in the contract");
                } else {
                    diff(child, expected.get(name), actual.get(name), differences);
                }
            }
            return;
        }
        if (expected.isArray() && actual != null && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                diff(path + "/" + i, e.next(), a.next(), differences);
            }
            return;
        }
        differences.add(path + ": expected " + expected + " but docs/asyncapi.yaml has " + actual);
    }
}
