package no.torn.gateway.proxy;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import no.torn.gateway.config.GatewayConfig;
import no.torn.gateway.security.CallerAuthenticator;
import no.torn.gateway.security.IdentityProviderFailure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What every request gets, before authentication runs: a request id (taken from the client when well-formed,
 * else generated) returned on the response, the limits on target length, header size and body size and the ban on
 * control characters in path and query answered as problem+json, and one {@link AccessLog} line when the response
 * ends. Also the failure handler that turns authentication and framework failures into problem+json (an unreachable
 * identity provider is a 503, never a 500), and the answers for paths and methods no route serves (404, 405).
 */
@ApplicationScoped
public class EdgeHandler {

    public static final String REQUEST_ID_KEY = "torn.request-id";
    public static final String CLIENT_ID_KEY = "torn.client-id";
    public static final String RHF_KEY = "torn.rhf";
    public static final String SERVICE_KEY = "torn.service";
    public static final String UPSTREAM_FAILURE_KEY = "torn.upstream-failure";
    /** Set when the request was sent again to another instance: the first attempt's failure. */
    public static final String UPSTREAM_RETRY_KEY = "torn.upstream-retry";

    private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger LOG = Logger.getLogger(EdgeHandler.class);

    private final long maxBodySize;
    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final AccessLog accessLog;

    public EdgeHandler(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                       MemorySize maxBodySize, GatewayConfig config, AccessLog accessLog) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxUriLength = config.maxUriLength();
        this.maxHeaderBytes = config.maxHeaderBytes();
        this.accessLog = accessLog;
    }

    public long maxBodySize() {
        return maxBodySize;
    }

    public void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        HttpServerRequest request = ctx.request();
        String incoming = request.getHeader(Forwarder.REQUEST_ID);
        String requestId = incoming != null && VALID_REQUEST_ID.matcher(incoming).matches()
                ? incoming : UUID.randomUUID().toString();
        ctx.put(REQUEST_ID_KEY, requestId);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(Forwarder.REQUEST_ID, requestId));
        if (accessLog.enabled() && !request.path().startsWith("/q/")) {
            ctx.addEndHandler(ar -> accessLog.record(ctx, started));
        }

        // The HTTP layer accepts long request lines and large headers (quarkus.http.limits.*) so that these
        // limits, below the services' own, are answered as problems rather than a bare 414 or 431.
        if (request.uri().length() > maxUriLength) {
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx, Problems.Kind.URI_TOO_LONG,
                    "The request target is longer than " + maxUriLength + " characters");
            return;
        }
        if (headerBytes(request) > maxHeaderBytes) {
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx, Problems.Kind.HEADERS_TOO_LARGE,
                    "The request headers are larger than " + maxHeaderBytes + " bytes");
            return;
        }
        // decoded as a service would decode it; answered here so that no such request reaches a service
        Optional<String> control = ControlCharacters.find(request.path(), request.query());
        if (control.isPresent()) {
            Problems.sendViolation(ctx, control.get(), "must not contain control characters");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                Problems.send(ctx, Problems.Kind.MALFORMED, "Content-Length is not a number");
                return;
            }
            if (declared > maxBodySize) {
                ctx.response().putHeader("Connection", "close");
                Problems.send(ctx, Problems.Kind.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + maxBodySize + " bytes");
                return;
            }
        }
        ctx.next();
    }

    private static int headerBytes(HttpServerRequest request) {
        int bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    /** Any path nothing answers (outside /api too): a problem, never the HTTP layer's HTML page. */
    public void notFound(RoutingContext ctx) {
        Problems.send(ctx, Problems.Kind.NOT_FOUND, "No resource at " + ctx.normalizedPath());
    }

    public void methodNotAllowed(RoutingContext ctx) {
        Problems.send(ctx, Problems.Kind.METHOD_NOT_ALLOWED,
                ctx.request().method().name() + " is not allowed on " + ctx.normalizedPath());
    }

    /** Not a verdict on the token: the identity provider could not be asked. */
    private static void identityProviderUnavailable(RoutingContext ctx, Throwable failure) {
        LOG.warnf("Token could not be verified: %s", failure == null ? "unknown" : failure.toString());
        ctx.response().putHeader("Retry-After", "5");
        Problems.send(ctx, Problems.Kind.SERVICE_UNAVAILABLE,
                "The identity provider is unavailable; the token cannot be verified now", "keycloak");
    }

    public void failure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        boolean verifying = Boolean.TRUE.equals(ctx.get(CallerAuthenticator.VERIFYING_KEY));
        if (verifying && IdentityProviderFailure.isUnreachable(failure)) {
            identityProviderUnavailable(ctx, failure);
        } else if (failure instanceof AuthenticationFailedException || (failure == null && status == 401)) {
            if (!ctx.response().headers().contains("WWW-Authenticate")) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"torn\"");
            }
            Problems.send(ctx, Problems.Kind.UNAUTHORIZED, "The bearer token is missing, invalid or expired");
        } else if (verifying) {
            identityProviderUnavailable(ctx, failure);
        } else if (status == 413) {
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx, Problems.Kind.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBodySize + " bytes");
        } else if (status == 400) {
            Problems.send(ctx, Problems.Kind.MALFORMED, "The request could not be read");
        } else if (status == 403) {
            Problems.send(ctx, Problems.Kind.FORBIDDEN, "Access denied");
        } else if (status == 404) {
            notFound(ctx);
        } else if (status == 405) {
            methodNotAllowed(ctx);
        } else {
            LOG.errorf(failure, "Request %s failed", (Object) ctx.get(REQUEST_ID_KEY));
            Problems.send(ctx, Problems.Kind.INTERNAL, "The gateway failed to handle the request");
        }
    }
}
