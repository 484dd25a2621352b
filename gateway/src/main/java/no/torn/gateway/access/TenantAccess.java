package no.torn.gateway.access;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per-RHF access at the edge: wherever a request names an RHF or HF (a path segment, an {@code rhf}/{@code hf} query
 * parameter, or a top-level {@code rhf}/{@code hf} field of a JSON body), it must be the caller's own RHF or one of
 * its HFs. National admins are not checked here. Values that are no known RHF or HF code are left to the services,
 * which validate them (and check the tenant again).
 */
public final class TenantAccess {

    private static final List<String> NAMED_FIELDS = List.of("rhf", "hf");

    private TenantAccess() {
    }

    /** The reason the request is refused, or empty when it names nothing foreign. */
    public static Optional<String> foreignReference(String ownRhf, String path, Map<String, List<String>> query,
                                                    JsonNode body) {
        Optional<String> inPath = inPath(ownRhf, path);
        if (inPath.isPresent()) {
            return inPath;
        }
        Optional<String> inQuery = inQuery(ownRhf, query);
        if (inQuery.isPresent()) {
            return inQuery;
        }
        return inBody(ownRhf, body);
    }

    static Optional<String> inPath(String ownRhf, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String segment : path.split("/")) {
            int matrix = segment.indexOf(';');
            String value = decode(matrix >= 0 ? segment.substring(0, matrix) : segment);
            if (isForeign(ownRhf, value)) {
                return Optional.of("The path names " + normalise(value) + ", which is not in your RHF " + ownRhf);
            }
        }
        return Optional.empty();
    }

    static Optional<String> inQuery(String ownRhf, Map<String, List<String>> query) {
        if (query == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey().toLowerCase(Locale.ROOT);
            if (!NAMED_FIELDS.contains(name)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                for (String item : value.split(",")) {
                    if (isForeign(ownRhf, item)) {
                        return Optional.of("Query parameter " + name + "=" + normalise(item)
                                + " is not in your RHF " + ownRhf);
                    }
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> inBody(String ownRhf, JsonNode body) {
        if (body == null) {
            return Optional.empty();
        }
        if (body.isArray()) {
            // bulk requests: every element is checked like a single body
            for (JsonNode element : body) {
                Optional<String> found = inObject(ownRhf, element);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return inObject(ownRhf, body);
    }

    private static Optional<String> inObject(String ownRhf, JsonNode object) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        for (var fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (!NAMED_FIELDS.contains(name)) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isTextual() && isForeign(ownRhf, value.asText())) {
                return Optional.of("Body field " + field.getKey() + "=" + normalise(value.asText())
                        + " is not in your RHF " + ownRhf);
            }
            if (value.isArray()) {
                for (JsonNode item : value) {
                    if (item.isTextual() && isForeign(ownRhf, item.asText())) {
                        return Optional.of("Body field " + field.getKey() + " names " + normalise(item.asText())
                                + ", which is not in your RHF " + ownRhf);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** True for a known RHF other than the caller's or a known HF of another RHF. */
    static boolean isForeign(String ownRhf, String raw) {
        String value = normalise(raw);
        if (value.isEmpty()) {
            return false;
        }
        if (HealthRegions.isRhf(value)) {
            return !value.equals(ownRhf);
        }
        return HealthRegions.rhfOf(value).filter(rhf -> !rhf.equals(ownRhf)).isPresent();
    }

    private static String normalise(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
