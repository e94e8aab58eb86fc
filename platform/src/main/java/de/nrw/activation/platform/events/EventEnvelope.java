package de.nrw.activation.platform.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
        if (event.getData() instanceof JsonCloudEventData json) {
            data = json.getNode(); // JSON data: the SDK has parsed it already, no second parse
        } else {
            try {
                data = mapper.readTree(event.getData().toBytes());
            } catch (IOException e) {
                throw new PoisonEventException("event " + id + " data is not JSON");
            }
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("event " + id + " data is not a JSON object");
        }
        return new EventEnvelope(id, event.getSource() == null ? null : event.getSource().toString(), event.getType(),
                event.getTime(), event.getSubject(), data);
    }

    /**
     * Reads {@code data} into its contract record. Unknown fields are tolerated; a missing or null
     * field that the record marks {@code @JsonProperty(required = true)}, an unknown enum value or a
     * value of the wrong shape throw {@link PoisonEventException} naming the field, so the consumer
     * parks the record with a clear reason. The reason never repeats the value.
     */
    public <T extends Record> T data(Class<T> type, ObjectMapper mapper) {
        T value;
        try {
            value = reader(type, mapper).readValue(data);
        } catch (JsonMappingException e) {
            throw new PoisonEventException("event " + id + " (" + this.type + ") data." + path(e) + ": "
                    + problem(e));
        } catch (IOException e) {
            throw new PoisonEventException("event " + id + " (" + this.type + ") data is unreadable");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            requireNonNull(value, component, component.getName());
        }
        return value;
    }

    /** One configured reader per contract record and mapper (an ObjectReader is immutable and thread-safe). */
    private static final Map<Class<?>, Map.Entry<ObjectMapper, ObjectReader>> READERS = new ConcurrentHashMap<>();

    private static ObjectReader reader(Class<?> type, ObjectMapper mapper) {
        Map.Entry<ObjectMapper, ObjectReader> cached = READERS.get(type);
        if (cached != null && cached.getKey() == mapper) {
            return cached.getValue();
        }
        ObjectReader reader = mapper.readerFor(type)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        READERS.put(type, Map.entry(mapper, reader));
        return reader;
    }

    private void requireNonNull(Object record, RecordComponent component, String path) {
        Object fieldValue;
        try {
            fieldValue = component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        JsonProperty property =
                component.getAccessor().getAnnotation(JsonProperty.class);
        if (fieldValue == null) {
            if (property != null && property.required()) {
                throw new PoisonEventException("event " + id + " (" + type + ") lacks data." + path);
            }
            return;
        }
        if (fieldValue instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                if (item == null) {
                    throw new PoisonEventException("event " + id + " (" + type + ") data." + path + "[" + i + "] is null");
                }
                if (item instanceof Record nested) {
                    for (RecordComponent c : nested.getClass().getRecordComponents()) {
                        requireNonNull(nested, c, path + "[" + i + "]." + c.getName());
                    }
                }
                i++;
            }
        } else if (fieldValue instanceof Record nested) {
            for (RecordComponent c : nested.getClass().getRecordComponents()) {
                requireNonNull(nested, c, path + "." + c.getName());
            }
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "?" : path.toString();
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            return "not one of the known values";
        }
        if (e instanceof MismatchedInputException m
                && m.getMessage() != null && m.getMessage().startsWith("Missing required creator property")) {
            return "missing";
        }
        return "not a valid value of its type";
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

    public LocalDate date(String field) {
        try {
            return LocalDate.parse(text(field));
        } catch (DateTimeParseException e) {
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
