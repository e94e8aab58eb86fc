package de.nrw.activation.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * CloudEvents 1.0 structured JSON, the shape of every record on the suite's topics.
 * Written and read with the CloudEvents SDK so both sides follow the spec.
 */
public record EventEnvelope(UUID id, String source, String type, OffsetDateTime time, String subject, JsonNode data) {

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    public static EventEnvelope create(String source, String type, String subject, JsonNode data) {
        return new EventEnvelope(UUID.randomUUID(), source, type, OffsetDateTime.now(ZoneOffset.UTC), subject, data);
    }

    public byte[] serialize(ObjectMapper mapper) {
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(id.toString())
                    .withSource(URI.create(source))
                    .withType(type)
                    .withTime(time)
                    .withSubject(subject)
                    .withDataContentType("application/json")
                    .withData(mapper.writeValueAsBytes(data))
                    .build();
            return FORMAT.serialize(event);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize event " + type, e);
        }
    }

    /**
     * Reads a record value; a value that is not a CloudEvent with an id, a type and a JSON
     * object as data throws {@link PoisonEventException} so the consumer can park it.
     */
    public static EventEnvelope parse(byte[] value, ObjectMapper mapper) {
        if (value == null || value.length == 0) {
            throw new PoisonEventException("empty record");
        }
        CloudEvent event;
        try {
            event = FORMAT.deserialize(value);
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a CloudEvents JSON record: " + e.getClass().getSimpleName());
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event id is not a UUID");
        }
        if (event.getData() == null) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = mapper.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new PoisonEventException("event " + id + " data is not JSON");
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("event " + id + " data is not a JSON object");
        }
        return new EventEnvelope(id, event.getSource() == null ? null : event.getSource().toString(), event.getType(),
                event.getTime(), event.getSubject(), data);
    }

    public static EventEnvelope parse(String value, ObjectMapper mapper) {
        return parse(value == null ? null : value.getBytes(StandardCharsets.UTF_8), mapper);
    }

    /** A required text field of {@code data}; missing -> poison. */
    public String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            throw new PoisonEventException("event " + id + " (" + type + ") lacks data." + field);
        }
        return node.asText();
    }

    /** An optional text field of {@code data}. */
    public String optionalText(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    public UUID uuid(String field) {
        try {
            return UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event " + id + " (" + type + ") data." + field + " is not a UUID");
        }
    }

    public java.time.LocalDate date(String field) {
        try {
            return java.time.LocalDate.parse(text(field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new PoisonEventException("event " + id + " (" + type + ") data." + field + " is not a date");
        }
    }

    public boolean bool(String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isBoolean()) {
            throw new PoisonEventException("event " + id + " (" + type + ") data." + field + " is not a boolean");
        }
        return node.booleanValue();
    }
}
