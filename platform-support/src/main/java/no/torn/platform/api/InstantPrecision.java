package no.torn.platform.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants are written with microsecond precision, rounded as the PostgreSQL driver rounds them when it stores them.
 * The clock has nanoseconds, the database keeps microseconds: without this a create answered
 * {@code 2026-01-31T12:00:00.123456789Z} and every later read {@code 2026-01-31T12:00:00.123457Z} for the same value.
 */
@Singleton
public class InstantPrecision implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("torn-instant-precision").addSerializer(Instant.class, new Micros()));
    }

    @Override
    public int priority() {
        // After the defaults (which register the java.time module), so this serializer wins.
        return MINIMUM_PRIORITY;
    }

    /** As stored: half a microsecond and more rounds up (the driver's rule), the rest is cut. */
    public static Instant stored(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    static final class Micros extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(DateTimeFormatter.ISO_INSTANT.format(stored(value)));
        }

        @Override
        public Class<Instant> handledType() {
            return Instant.class;
        }
    }
}
