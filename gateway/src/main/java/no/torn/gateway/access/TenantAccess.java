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
 * parameter, or an {@code rhf}/{@code hf} field anywhere in a JSON body), it must be the caller's own RHF or one of
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
        return body == null ? Optional.empty() : inNode(ownRhf, body, "");
    }

    /**
     * Walks the whole document: an {@code rhf}/{@code hf} field counts at any depth (a bulk array, a nested
     * object, a list of allocations), so wrapping a foreign reference does not hide it.
     */
    private static Optional<String> inNode(String ownRhf, JsonNode node, String at) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = inNode(ownRhf, node.get(i), at + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
            JsonNode value = field.getValue();
            if (!NAMED_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                Optional<String> found = value.isContainerNode() ? inNode(ownRhf, value, name) : Optional.empty();
                if (found.isPresent()) {
                    return found;
                }
                continue;
            }
            if (value.isTextual() && isForeign(ownRhf, value.asText())) {
                return Optional.of("Body field " + name + "=" + normalise(value.asText())
                        + " is not in your RHF " + ownRhf);
            }
            if (value.isArray()) {
                for (JsonNode item : value) {
                    if (item.isTextual() && isForeign(ownRhf, item.asText())) {
                        return Optional.of("Body field " + name + " names " + normalise(item.asText())
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
