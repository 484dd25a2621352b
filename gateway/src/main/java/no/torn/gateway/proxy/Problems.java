package no.torn.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem details written by the gateway itself, in the same shape (and type URIs) the services use, so a
 * client needs one error parser whether the gateway or a service refused the request.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://torn.no/problems/";

    public enum Kind {
        VALIDATION("validation-error", "Invalid request", 400),
        MALFORMED("malformed-request", "Malformed request body", 400),
        UNAUTHORIZED("unauthorized", "Authentication required", 401),
        FORBIDDEN("forbidden", "Access denied", 403),
        NOT_FOUND("not-found", "Resource not found", 404),
        METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
        PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
        URI_TOO_LONG("uri-too-long", "Request target too long", 414),
        TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
        HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", 431),
        INTERNAL("internal-error", "Internal error", 500),
        BAD_GATEWAY("bad-gateway", "Bad gateway", 502),
        SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503),
        GATEWAY_TIMEOUT("gateway-timeout", "Service did not answer in time", 504);

        final String slug;
        final String title;
        final int status;

        Kind(String slug, String title, int status) {
            this.slug = slug;
            this.title = title;
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private Problems() {
    }

    public static JsonObject body(Kind kind, String detail, String service) {
        JsonObject problem = new JsonObject()
                .put("type", TYPE_BASE + kind.slug)
                .put("title", kind.title)
                .put("status", kind.status)
                .put("detail", detail);
        if (service != null) {
            problem.put("service", service);
        }
        return problem;
    }

    /** A 400 naming the offending input, with the {@code violations} list the services use for the same case. */
    public static void sendViolation(RoutingContext ctx, String field, String message) {
        JsonObject problem = body(Kind.VALIDATION, field + ": " + message, null)
                .put("violations", new JsonArray().add(new JsonObject().put("field", field).put("message", message)));
        send(ctx, Kind.VALIDATION, problem.toBuffer());
    }

    public static Buffer buffer(Kind kind, String detail, String service) {
        return body(kind, detail, service).toBuffer();
    }

    public static void send(RoutingContext ctx, Kind kind, String detail) {
        send(ctx, kind, detail, null);
    }

    public static void send(RoutingContext ctx, Kind kind, String detail, String service) {
        send(ctx, kind, buffer(kind, detail, service));
    }

    private static void send(RoutingContext ctx, Kind kind, Buffer body) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // too late for a problem body; cut the connection rather than send a half response
            ctx.request().connection().close();
            return;
        }
        response.setStatusCode(kind.status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
