package no.torn.gateway.docs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import no.torn.gateway.routing.RouteTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one the gateway publishes: only the paths each service owns (as
 * the gateway exposes them), every operation tagged with its service, component names made unique where two
 * services use the same name for different things, and one bearer security scheme for everything.
 */
public final class OpenApiMerger {

    /** One service's document as fetched; {@code document} is null when the service could not be reached. */
    public record Source(String service, JsonObject document, Status status) {
    }

    public enum Status { UP, STALE, UNAVAILABLE }

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final String SCHEME = "bearer";

    private OpenApiMerger() {
    }

    public static String serviceTag(String service) {
        return service + "-service";
    }

    public static JsonObject merge(List<Source> sources, String serverUrl) {
        JsonObject components = new JsonObject().put("securitySchemes", new JsonObject().put(SCHEME, new JsonObject()
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "Access token of Keycloak realm torn with audience torn-api")));
        JsonObject paths = new JsonObject();
        JsonArray tags = new JsonArray();
        JsonArray services = new JsonArray();
        StringBuilder unavailable = new StringBuilder();

        for (Source source : sources) {
            String label = serviceTag(source.service());
            services.add(new JsonObject().put("name", label).put("status", source.status().name())
                    .put("asyncapi", "/events/" + source.service() + "/asyncapi.yaml"));
            if (source.document() == null) {
                unavailable.append(unavailable.length() == 0 ? "" : ", ").append(label);
                continue;
            }
            JsonObject doc = source.document().copy();
            Map<String, String> renames = uniqueComponentNames(doc, components, source.service());
            if (!renames.isEmpty()) {
                doc = (JsonObject) rewriteRefs(doc, renames);
                JsonObject own = doc.getJsonObject("components");
                renames.forEach((from, to) -> {
                    String[] f = from.split("/");
                    JsonObject section = own.getJsonObject(f[2]);
                    section.put(to.split("/")[3], section.remove(f[3]));
                });
            }
            mergeComponents(doc.getJsonObject("components"), components);

            String description = doc.getJsonObject("info", new JsonObject()).getString("description",
                    "Operations served by " + label);
            tags.add(new JsonObject().put("name", label).put("description", description));
            Map<String, String> tagDescriptions = new HashMap<>();
            for (Object t : doc.getJsonArray("tags", new JsonArray())) {
                if (t instanceof JsonObject tag && tag.getString("name") != null) {
                    tagDescriptions.put(tag.getString("name"), tag.getString("description"));
                }
            }
            JsonObject docPaths = doc.getJsonObject("paths", new JsonObject());
            for (String path : docPaths.fieldNames()) {
                if (!RouteTable.owns(source.service(), path)) {
                    continue; // a service's own /q or /events endpoints are not part of the public API
                }
                JsonObject item = docPaths.getJsonObject(path).copy();
                for (String method : item.fieldNames()) {
                    if (!OPERATIONS.contains(method) || !(item.getValue(method) instanceof JsonObject op)) {
                        continue;
                    }
                    JsonArray opTags = new JsonArray();
                    JsonArray original = op.getJsonArray("tags", new JsonArray());
                    if (original.isEmpty()) {
                        opTags.add(label);
                    }
                    for (Object t : original) {
                        String tagName = label + " / " + t;
                        opTags.add(tagName);
                        if (tags.stream().noneMatch(x -> ((JsonObject) x).getString("name").equals(tagName))) {
                            tags.add(new JsonObject().put("name", tagName).put("description",
                                    tagDescriptions.get(String.valueOf(t)) != null
                                            ? tagDescriptions.get(String.valueOf(t)) : t + " of " + label));
                        }
                    }
                    op.put("tags", opTags);
                    op.put("x-service", label);
                    // The document's bearer requirement applies; only an open operation keeps its empty one.
                    if (!(op.getValue("security") instanceof JsonArray security && security.isEmpty())) {
                        op.remove("security");
                    }
                }
                paths.put(path, item);
            }
        }

        String description = "All TØRN services behind the gateway. Every /api operation needs a bearer token;"
                + " the token's rhf decides which records are visible.";
        if (unavailable.length() > 0) {
            description += " Not available when this document was built: " + unavailable + ".";
        }
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "TØRN API").put("version", "v1")
                        .put("description", description)
                        .put("contact", new JsonObject().put("name", "TØRN platform team")
                                .put("url", "https://torn.no/api")))
                .put("servers", new JsonArray().add(new JsonObject().put("url", serverUrl)))
                .put("security", new JsonArray().add(new JsonObject().put(SCHEME, new JsonArray())))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", components)
                .put("x-torn-services", services);
    }

    /**
     * Component names that another service already used for a different definition get the service as prefix.
     * Keys of the returned map are full references ({@code #/components/schemas/Page}).
     */
    private static Map<String, String> uniqueComponentNames(JsonObject doc, JsonObject merged, String service) {
        Map<String, String> renames = new HashMap<>();
        JsonObject own = doc.getJsonObject("components");
        if (own == null) {
            return renames;
        }
        String prefix = Character.toUpperCase(service.charAt(0)) + service.substring(1);
        for (String section : own.fieldNames()) {
            if ("securitySchemes".equals(section) || !(own.getValue(section) instanceof JsonObject entries)) {
                continue;
            }
            JsonObject existing = merged.getJsonObject(section, new JsonObject());
            for (String name : entries.fieldNames()) {
                if (existing.containsKey(name) && !existing.getValue(name).equals(entries.getValue(name))) {
                    renames.put("#/components/" + section + "/" + name,
                            "#/components/" + section + "/" + prefix + name);
                }
            }
        }
        return renames;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            JsonObject out = new JsonObject();
            for (String key : object.fieldNames()) {
                Object value = object.getValue(key);
                if ("$ref".equals(key) && value instanceof String ref && renames.containsKey(ref)) {
                    out.put(key, renames.get(ref));
                } else {
                    out.put(key, rewriteRefs(value, renames));
                }
            }
            return out;
        }
        if (node instanceof JsonArray array) {
            JsonArray out = new JsonArray();
            array.forEach(item -> out.add(rewriteRefs(item, renames)));
            return out;
        }
        return node;
    }

    private static void mergeComponents(JsonObject from, JsonObject into) {
        if (from == null) {
            return;
        }
        for (String section : from.fieldNames()) {
            if ("securitySchemes".equals(section) || !(from.getValue(section) instanceof JsonObject entries)) {
                continue;
            }
            JsonObject target = into.getJsonObject(section);
            if (target == null) {
                target = new JsonObject();
                into.put(section, target);
            }
            for (String name : entries.fieldNames()) {
                target.put(name, entries.getValue(name));
            }
        }
    }
}
