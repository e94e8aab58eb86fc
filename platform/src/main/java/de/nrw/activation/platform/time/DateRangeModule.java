package de.nrw.activation.platform.time;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Every {@code LocalDate} in a JSON body of any service must lie within {@link DateRange}; one
 * outside answers 400 naming the field ({@link DateOutOfRange}, mapped by ProblemMappers), before
 * any resource or database sees it. Registered on the application's ObjectMapper, after
 * Quarkus' own modules, so it replaces the JavaTimeModule's LocalDate reader.
 */
@Singleton
public class DateRangeModule implements ObjectMapperCustomizer {

    /** A date that parsed but lies outside {@link DateRange}. */
    public static class DateOutOfRange extends InvalidFormatException {
        public DateOutOfRange(JsonParser parser, LocalDate value) {
            super(parser, DateRange.MESSAGE, value, LocalDate.class);
        }
    }

    /**
     * The Java time module's LocalDate reader, with the range check after it. A wrapper rather than a
     * subclass: that reader replaces itself with a new plain instance when it is contextualised.
     */
    static final class BoundedLocalDateDeserializer extends StdDeserializer<LocalDate> implements ContextualDeserializer {
        private final JsonDeserializer<?> delegate;

        BoundedLocalDateDeserializer(JsonDeserializer<?> delegate) {
            super(LocalDate.class);
            this.delegate = delegate;
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = (LocalDate) delegate.deserialize(parser, context);
            if (date != null && !DateRange.accepts(date)) {
                throw new DateOutOfRange(parser, date);
            }
            return date;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer c
                    ? c.createContextual(context, property) : delegate;
            return new BoundedLocalDateDeserializer(contextual);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("suite-date-range")
                .addDeserializer(LocalDate.class, new BoundedLocalDateDeserializer(LocalDateDeserializer.INSTANCE)));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // last: after the Java time module Quarkus registers
    }
}
