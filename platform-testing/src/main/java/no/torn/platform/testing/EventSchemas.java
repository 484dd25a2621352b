package no.torn.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Validates published events against the JSON Schemas a service commits as its event contract. */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventSchemas() {
    }

    /** Fails with every violation listed when {@code json} does not match the schema file. */
    public static void assertValid(Path schemaFile, JsonNode json) {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read schema " + schemaFile, e);
        }
        Set<ValidationMessage> errors = schema.validate(json);
        if (!errors.isEmpty()) {
            throw new AssertionError(schemaFile.getFileName() + " rejects " + json + ": " + errors);
        }
    }
}
