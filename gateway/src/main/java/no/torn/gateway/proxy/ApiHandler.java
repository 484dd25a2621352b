package no.torn.gateway.proxy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.gateway.access.HealthRegions;
import no.torn.gateway.access.TenantAccess;
import no.torn.gateway.config.GatewayConfig;
import no.torn.gateway.resilience.RateLimiter;
import no.torn.gateway.routing.RouteTable;
import no.torn.gateway.security.Caller;
import no.torn.gateway.security.CallerAuthenticator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /api} pipeline. {@link #admit} runs before the body is read: token present (401), home RHF known (403),
 * path owned by a service (404), client within its rate (429), path and query naming nothing foreign (403).
 * {@link #forward} runs after: the JSON body names nothing foreign (403), the service's circuit is closed (503),
 * then the request goes to the service.
 */
@ApplicationScoped
public class ApiHandler {

    public static final String NATIONAL_ADMIN = "national-admin";
    private static final String ADMITTED_KEY = "torn.admitted";
    private static final String UPSTREAM_KEY = "torn.upstream";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private final CallerAuthenticator authenticator;
    private final Upstreams upstreams;
    private final RateLimiter rateLimiter;
    private final Forwarder forwarder;
    private final List<String> crossRhfReadPaths;
    private final List<String> publicReadPaths;

    @Inject
    public ApiHandler(CallerAuthenticator authenticator, Upstreams upstreams, RateLimiter rateLimiter,
                      Forwarder forwarder, GatewayConfig config) {
        this.authenticator = authenticator;
        this.upstreams = upstreams;
        this.rateLimiter = rateLimiter;
        this.forwarder = forwarder;
        this.crossRhfReadPaths = config.crossRhfReadPaths();
        this.publicReadPaths = config.publicReadPaths();
    }

    /**
     * True when the body is read (within the size limit) and inspected before forwarding: always for the methods
     * that carry one, and for any other request that sends a body anyway, so that no body reaches a service
     * unchecked or unlimited (a chunked body has no Content-Length to refuse early).
     */
    public static boolean readsBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE) {
            return true;
        }
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || (length != null && !"0".equals(length.trim()));
    }

    public void admit(RoutingContext ctx) {
        if (publicRead(ctx.request().method(), ctx.normalizedPath())) {
            admitPublic(ctx);
            return;
        }
        authenticator.authenticate(ctx, caller -> admit(ctx, caller));
    }

    /** Open data: no token needed or looked at; limited per client address; no RHF is named or checked. */
    private void admitPublic(RoutingContext ctx) {
        Optional<Upstream> upstream = RouteTable.serviceFor(ctx.normalizedPath()).flatMap(upstreams::get);
        if (upstream.isEmpty()) {
            Problems.send(ctx, Problems.Kind.NOT_FOUND, "No API resource at " + ctx.normalizedPath());
            return;
        }
        ctx.put(EdgeHandler.SERVICE_KEY, upstream.get().serviceName());
        if (!rateLimited(ctx, "anonymous", ctx.request().remoteAddress() == null ? null
                : ctx.request().remoteAddress().hostAddress())) {
            ctx.put(ADMITTED_KEY, "");
            ctx.put(UPSTREAM_KEY, upstream.get());
            ctx.next();
        }
    }

    private boolean publicRead(HttpMethod method, String path) {
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        for (String prefix : publicReadPaths) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private void admit(RoutingContext ctx, Caller caller) {
        if (caller == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"torn\"");
            Problems.send(ctx, Problems.Kind.UNAUTHORIZED, "A bearer token of realm torn is required");
            return;
        }
        String clientId = caller.clientId();
        ctx.put(EdgeHandler.CLIENT_ID_KEY, clientId);
        String rhf = caller.rhf();
        if (rhf == null || !HealthRegions.isRhf(rhf)) {
            Problems.send(ctx, Problems.Kind.FORBIDDEN, "The token carries no known rhf claim");
            return;
        }
        ctx.put(EdgeHandler.RHF_KEY, rhf);

        String path = ctx.normalizedPath();
        Optional<Upstream> upstream = RouteTable.serviceFor(path).flatMap(upstreams::get);
        if (upstream.isEmpty()) {
            Problems.send(ctx, Problems.Kind.NOT_FOUND, "No API resource at " + path);
            return;
        }
        ctx.put(EdgeHandler.SERVICE_KEY, upstream.get().serviceName());

        if (rateLimited(ctx, clientId, caller.subject())) {
            return;
        }

        boolean checked = !caller.hasRole(NATIONAL_ADMIN) && !crossRhfRead(ctx.request().method(), path);
        if (checked) {
            Optional<String> foreign = TenantAccess.foreignReference(rhf, path, query(ctx), null);
            if (foreign.isPresent()) {
                Problems.send(ctx, Problems.Kind.FORBIDDEN, foreign.get());
                return;
            }
        }
        ctx.put(ADMITTED_KEY, checked ? rhf : "");
        ctx.put(UPSTREAM_KEY, upstream.get());
        ctx.next();
    }

    public void forward(RoutingContext ctx) {
        Upstream upstream = ctx.get(UPSTREAM_KEY);
        String ownRhf = ctx.get(ADMITTED_KEY);
        if (upstream == null || ownRhf == null) {
            // not admitted: admit() has answered already
            return;
        }
        boolean bodyWasRead = readsBody(ctx.request());
        Buffer body = bodyWasRead && ctx.body() != null ? ctx.body().buffer() : null;
        if (!ownRhf.isEmpty() && body != null && body.length() > 0) {
            JsonNode json;
            try {
                json = parse(ctx.request().getHeader("Content-Type"), body);
            } catch (IOException e) {
                Problems.send(ctx, Problems.Kind.MALFORMED, "The request body is not valid JSON");
                return;
            }
            Optional<String> foreign = TenantAccess.foreignReference(ownRhf, null, null, json);
            if (foreign.isPresent()) {
                Problems.send(ctx, Problems.Kind.FORBIDDEN, foreign.get());
                return;
            }
        }
        if (!upstream.breaker().tryAcquire()) {
            ctx.response().putHeader("Retry-After", Long.toString(upstream.breaker().retryAfterSeconds()));
            Problems.send(ctx, Problems.Kind.SERVICE_UNAVAILABLE, "The " + upstream.serviceName()
                    + " is unavailable (circuit open after repeated failures)", upstream.serviceName());
            return;
        }
        String query = ctx.request().query();
        String uri = ctx.normalizedPath() + (query == null ? "" : "?" + query);
        forwarder.forward(ctx, upstream, uri, body, bodyWasRead, true);
    }

    /** Applies the rate limits; true when the request was refused (429 sent). */
    private boolean rateLimited(RoutingContext ctx, String clientId, String subject) {
        RateLimiter.Decision limit = rateLimiter.acquire(clientId, subject);
        if (limit.limit() >= 0) {
            // RateLimit-* (IETF httpapi draft) on every answer, the upstream's included.
            ctx.addHeadersEndHandler(v -> ctx.response().headers()
                    .set("RateLimit-Limit", Integer.toString(limit.limit()))
                    .set("RateLimit-Remaining", Integer.toString(limit.remaining()))
                    .set("RateLimit-Reset", Long.toString(limit.resetSeconds())));
        }
        if (limit.allowed()) {
            return false;
        }
        ctx.response().putHeader("Retry-After", Long.toString(limit.retryAfterSeconds()));
        Problems.send(ctx, Problems.Kind.TOO_MANY_REQUESTS, "caller".equals(limit.limitedBy())
                ? "You exceeded your request rate; retry after " + limit.retryAfterSeconds() + " s"
                : "Client " + clientId + " exceeded the request rate of all its callers together; retry after "
                + limit.retryAfterSeconds() + " s");
        return true;
    }

    /** GETs of the cross-RHF readable parts (published reports and awards) may name any RHF. */
    private boolean crossRhfRead(HttpMethod method, String path) {
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        for (String prefix : crossRhfReadPaths) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A JSON (or untyped) body must parse, since the service would read it as JSON; any other media type is
     * inspected only when it happens to be JSON, as a service could still bind it.
     */
    private static JsonNode parse(String contentType, Buffer body) throws IOException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean json = type.isEmpty() || type.startsWith("application/json") || type.contains("+json");
        try {
            return JSON.readTree(body.getBytes());
        } catch (IOException e) {
            if (json) {
                throw e;
            }
            return null;
        }
    }

    private static Map<String, List<String>> query(RoutingContext ctx) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String name : ctx.queryParams().names()) {
            params.put(name, ctx.queryParams().getAll(name));
        }
        return params;
    }
}
