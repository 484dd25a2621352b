package no.torn.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations of the gateway's aggregated OpenAPI document, so sweeps cover new endpoints automatically. */
final class OpenApiOperations {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    record Operation(String method, String path, JsonNode spec, JsonNode document) {

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAM.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        boolean hasJsonBody() {
            return spec.path("requestBody").path("content").has("application/json");
        }

        /** The request body schema with $refs resolved one level at a time by {@link #resolve}. */
        JsonNode bodySchema() {
            return resolve(spec.path("requestBody").path("content").path("application/json").path("schema"));
        }

        List<JsonNode> queryParameters() {
            List<JsonNode> result = new ArrayList<>();
            for (JsonNode p : spec.path("parameters")) {
                JsonNode parameter = resolve(p);
                if ("query".equals(parameter.path("in").asText())) {
                    result.add(parameter);
                }
            }
            return result;
        }

        JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
                String ref = current.get("$ref").asText();
                if (!ref.startsWith("#/")) {
                    return current;
                }
                JsonNode target = document;
                for (String part : ref.substring(2).split("/")) {
                    target = target.path(part);
                }
                current = target;
            }
            if (current != null && current.has("allOf") && current.get("allOf").size() == 1) {
                return resolve(current.get("allOf").get(0));
            }
            return current;
        }

        String concrete(Map<String, String> values) {
            Matcher m = PARAM.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1),
                        "00000000-0000-4000-8000-000000000000")));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey(), path.getKey(), method.getValue(), document));
                }
            }
        }
        return operations;
    }
}
