package no.torn.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import no.torn.platform.testing.FreePort;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Services stand-ins for the gateway tests, on free local ports: two echo services that answer with what they
 * received (method, path, query, headers, body; with the links named in {@link #LOCATION_HEADER} and
 * {@link #CONTENT_LOCATION_HEADER}) and serve an OpenAPI document and event catalogue, a slow one that
 * answers everything after {@link #SLOW_MILLIS}, and a port where nothing listens.
 */
public final class StubUpstreams {

    public static final long SLOW_MILLIS = 3000;
    /** Sent to an echo service: it answers 201 with this value as its Location header. */
    public static final String LOCATION_HEADER = "X-Stub-Location";
    /** Sent to an echo service: it answers with this value as its Content-Location header. */
    public static final String CONTENT_LOCATION_HEADER = "X-Stub-Content-Location";

    private static Vertx vertx;

    private StubUpstreams() {
    }

    /** Starts the stubs and returns their ports: competence (echo), task (echo), responsibility (slow), grants (dead). */
    public static synchronized int[] start() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return new int[] {listen("competence", false), listen("task", false), listen("responsibility", true),
                FreePort.find()};
    }

    private static int dropping = -1;

    /**
     * A service instance that dies mid-request: it reads each request and closes the connection without answering
     * (its readiness probe gets the same treatment).
     */
    public static synchronized int dropping() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        if (dropping < 0) {
            HttpServer server = vertx.createHttpServer().requestHandler(request ->
                    request.body().onComplete(ignored -> request.connection().close()));
            try {
                dropping = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS).actualPort();
            } catch (Exception e) {
                throw new IllegalStateException("dropping stub did not start", e);
            }
        }
        return dropping;
    }

    private static int listen(String service, boolean slow) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(service, slow, request));
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("stub " + service + " did not start", e);
        }
    }

    private static void handle(String service, boolean slow, HttpServerRequest request) {
        if (slow) {
            request.pause();
            vertx.setTimer(SLOW_MILLIS, t -> {
                request.resume();
                respond(service, request);
            });
            return;
        }
        respond(service, request);
    }

    private static void respond(String service, HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi(service).encode());
            return;
        }
        if (path.equals("/q/health/ready")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            return;
        }
        if (path.equals("/events/asyncapi.yaml")) {
            request.response().putHeader("Content-Type", "application/yaml")
                    .end("asyncapi: 3.0.0\ninfo:\n  title: " + service + " events\n  version: 1.0.0\n");
            return;
        }
        if (path.startsWith("/events/schemas/")) {
            request.response().putHeader("Content-Type", "application/schema+json")
                    .end(new JsonObject().put("$id", service + path).encode());
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            JsonObject echo = new JsonObject()
                    .put("service", service)
                    .put("method", request.method().name())
                    .put("path", path)
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("body", body.toString());
            var response = request.response().putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", "set-by-service");
            // a created resource whose links the test chooses, e.g. an internal address to be rewritten
            String location = request.getHeader(LOCATION_HEADER);
            if (location != null) {
                response.setStatusCode(201).putHeader("Location", location);
            }
            String contentLocation = request.getHeader(CONTENT_LOCATION_HEADER);
            if (contentLocation != null) {
                response.putHeader("Content-Location", contentLocation);
            }
            response.end(echo.encode());
        });
    }

    /** Two services that both name a schema "Page", differently, to exercise the merge. */
    static JsonObject openApi(String service) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        if (service.equals("competence")) {
            paths.put("/api/v1/competence/employees", new JsonObject().put("get", new JsonObject()
                    .put("summary", "List employees").put("tags", new JsonArray().add("Employees"))
                    .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())))
                    .put("responses", new JsonObject().put("200", ref("Page")))));
            paths.put("/q/health", new JsonObject().put("get", new JsonObject().put("summary", "health")));
            schemas.put("Page", new JsonObject().put("type", "object").put("properties",
                    new JsonObject().put("items", new JsonObject().put("type", "array"))));
            schemas.put("Employee", new JsonObject().put("type", "object"));
        } else {
            paths.put("/api/v1/tasks", new JsonObject().put("get", new JsonObject()
                    .put("summary", "List tasks").put("tags", new JsonArray().add("Tasks"))
                    .put("responses", new JsonObject().put("200", ref("Page")))));
            paths.put("/api/v1/sharing-mappings", new JsonObject().put("post", new JsonObject()
                    .put("summary", "Propose a sharing mapping")
                    .put("responses", new JsonObject().put("201", new JsonObject().put("description", "created")))));
            schemas.put("Page", new JsonObject().put("type", "object").put("properties",
                    new JsonObject().put("total", new JsonObject().put("type", "integer"))));
        }
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service).put("version", "1"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", "Employees").put("description", "HR")))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes",
                        new JsonObject().put("SecurityScheme", new JsonObject().put("type", "openIdConnect"))));
    }

    private static JsonObject ref(String schema) {
        return new JsonObject().put("description", "ok").put("content", new JsonObject().put("application/json",
                new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/" + schema))));
    }
}
