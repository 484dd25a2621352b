package no.torn.platform.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;

/**
 * Request bodies are read strictly: an unknown property is an error (a misspelt field must not be silently ignored),
 * and dates and instants are accepted only as ISO-8601 strings. Without this, {@code "acquiredOn": 12345} is read as
 * an epoch-day count and stored as 2003-10-20.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        SimpleModule module = new SimpleModule("torn-strict-time");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean javaTime = type.getName().startsWith("java.time.")
                        && (Temporal.class.isAssignableFrom(type) || TemporalAccessor.class.isAssignableFrom(type));
                return javaTime ? new IsoStringOnly(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** Refuses any JSON token but a string before the java.time deserializer sees it. */
    static final class IsoStringOnly extends DelegatingDeserializer {

        IsoStringOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new IsoStringOnly(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.reportInputMismatch(handledType(),
                        "must be an ISO-8601 string, e.g. 2026-01-31 or 2026-01-31T12:00:00Z");
            }
            return super.deserialize(p, ctxt);
        }
    }
}
