package no.torn.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as the platform publishes and consumes it. {@code rhf} is an
 * extension attribute so HR integrations can filter by tenant without reading {@code data}.
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, String rhf,
                         JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static CloudEvent create(String source, String type, String subject, String rhf, JsonNode data,
                                    Instant time) {
        return new CloudEvent(UUID.randomUUID().toString(), source, type, subject, time, rhf, data);
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", SPEC_VERSION);
        node.put("id", id);
        node.put("source", source);
        node.put("type", type);
        node.put("subject", subject);
        node.put("time", time.toString());
        node.put("datacontenttype", "application/json");
        node.put("rhf", rhf);
        node.set("data", data);
        return node;
    }

    /**
     * Reads a structured-mode event; anything that is not a well-formed CloudEvent is rejected so the consumer's
     * failure strategy can send it to the dead-letter topic.
     */
    public static CloudEvent parse(ObjectMapper mapper, String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject() || !SPEC_VERSION.equals(text(node, "specversion"))) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 structured event");
        }
        String id = require(node, "id");
        String type = require(node, "type");
        String source = require(node, "source");
        String time = text(node, "time");
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("event " + id + " has no data object");
        }
        return new CloudEvent(id, source, type, text(node, "subject"), time == null ? null : Instant.parse(time),
                text(node, "rhf"), data);
    }

    private static String require(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CloudEvent attribute '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
