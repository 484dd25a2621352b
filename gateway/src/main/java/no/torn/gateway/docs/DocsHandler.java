package no.torn.gateway.docs;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.gateway.config.GatewayConfig;
import no.torn.gateway.proxy.Forwarder;
import no.torn.gateway.proxy.Problems;
import no.torn.gateway.proxy.Instance;
import no.torn.gateway.proxy.Upstream;
import no.torn.gateway.proxy.Upstreams;
import no.torn.gateway.routing.RouteTable;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Developer documentation at the gateway: the merged OpenAPI document (services' documents fetched when asked,
 * cached, a down service simply left out), Swagger UI from the bundled web jar, and the services' event catalogues
 * (AsyncAPI) listed and passed through.
 */
@ApplicationScoped
public class DocsHandler {

    private static final Logger LOG = Logger.getLogger(DocsHandler.class);
    private static final long FETCH_TIMEOUT_MS = 3000;

    private record Cached(JsonObject document, long fetchedAt) {
    }

    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final Upstreams upstreams;
    private final Forwarder forwarder;
    private final long ttlNanos;
    private final String swaggerUiVersion;
    private final Optional<String> publicUrl;

    @Inject
    public DocsHandler(Upstreams upstreams, Forwarder forwarder, GatewayConfig config) {
        this.upstreams = upstreams;
        this.forwarder = forwarder;
        this.ttlNanos = config.docs().cacheTtl().toNanos();
        this.swaggerUiVersion = config.docs().swaggerUiVersion();
        this.publicUrl = config.docs().publicUrl()
                .or(() -> config.publicBaseUrl().map(url -> url.trim().replaceAll("/+$", "")));
    }

    public void openApi(RoutingContext ctx) {
        List<Future<OpenApiMerger.Source>> sources = new ArrayList<>();
        for (String service : RouteTable.SERVICES) {
            upstreams.get(service).ifPresent(upstream -> sources.add(source(upstream)));
        }
        Future.join(sources).onComplete(done -> {
            List<OpenApiMerger.Source> fetched = new ArrayList<>();
            sources.forEach(f -> fetched.add(f.result()));
            JsonObject merged = OpenApiMerger.merge(fetched, publicUrl.orElse("/"));
            ctx.response().putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-cache")
                    .end(merged.toBuffer());
        });
    }

    private Future<OpenApiMerger.Source> source(Upstream upstream) {
        Cached cached = cache.get(upstream.name());
        if (cached != null && System.nanoTime() - cached.fetchedAt() < ttlNanos) {
            return Future.succeededFuture(new OpenApiMerger.Source(upstream.name(), cached.document(),
                    OpenApiMerger.Status.UP));
        }
        return fetchOpenApi(upstream)
                .map(document -> {
                    cache.put(upstream.name(), new Cached(document, System.nanoTime()));
                    return new OpenApiMerger.Source(upstream.name(), document, OpenApiMerger.Status.UP);
                })
                .recover(failure -> {
                    LOG.debugf("OpenAPI of %s not available: %s", upstream.serviceName(), failure.toString());
                    return Future.succeededFuture(cached != null
                            ? new OpenApiMerger.Source(upstream.name(), cached.document(), OpenApiMerger.Status.STALE)
                            : new OpenApiMerger.Source(upstream.name(), null, OpenApiMerger.Status.UNAVAILABLE));
                });
    }

    private Future<JsonObject> fetchOpenApi(Upstream upstream) {
        Instance instance = upstream.pick(null);
        RequestOptions options = new RequestOptions()
                .setHost(instance.url().getHost()).setPort(instance.port()).setSsl(instance.tls())
                .setMethod(HttpMethod.GET)
                .setURI(instance.upstreamUri("/q/openapi?format=json"))
                .setIdleTimeout(Math.min(FETCH_TIMEOUT_MS, upstream.timeoutMillis()))
                .putHeader("Accept", "application/json");
        return instance.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(Buffer::toJsonObject);
    }

    public void eventCatalogue(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").end(catalogue().toBuffer());
    }

    private JsonObject catalogue() {
        JsonArray services = new JsonArray();
        for (String service : RouteTable.SERVICES) {
            if (upstreams.get(service).isPresent()) {
                services.add(new JsonObject()
                        .put("service", OpenApiMerger.serviceTag(service))
                        .put("asyncapi", "/events/" + service + "/asyncapi.yaml")
                        .put("schemas", "/events/" + service + "/schemas/"));
            }
        }
        return new JsonObject().put("services", services);
    }

    /** /events/{service}/asyncapi.yaml and /events/{service}/schemas/** → the service's /events/... */
    public void eventDocument(RoutingContext ctx) {
        String service = ctx.pathParam("service");
        Optional<Upstream> upstream = upstreams.get(service);
        if (upstream.isEmpty()) {
            Problems.send(ctx, Problems.Kind.NOT_FOUND, "No service named " + service);
            return;
        }
        String path = ctx.normalizedPath();
        String rest = path.substring(("/events/" + service).length());
        if (rest.contains("..")) {
            Problems.send(ctx, Problems.Kind.NOT_FOUND, "No document at " + path);
            return;
        }
        forwarder.forward(ctx, upstream.get(), "/events" + rest, null, false, false);
    }

    public void swaggerUi(RoutingContext ctx) {
        String assets = "/webjars/swagger-ui/" + swaggerUiVersion;
        StringBuilder events = new StringBuilder();
        for (String service : RouteTable.SERVICES) {
            if (upstreams.get(service).isPresent()) {
                events.append("<li><a href=\"/events/").append(service).append("/asyncapi.yaml\">")
                        .append(OpenApiMerger.serviceTag(service)).append(" events (AsyncAPI)</a></li>");
            }
        }
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="UTF-8">
                  <title>TØRN API</title>
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                  <style>body{margin:0} .torn-events{font-family:sans-serif;padding:8px 20px;background:#f5f5f5}
                  .torn-events ul{display:inline;margin:0;padding:0} .torn-events li{display:inline;margin-right:16px}</style>
                </head>
                <body>
                  <nav class="torn-events"><strong>Event catalogues:</strong> <ul>%2$s</ul>
                    (<a href="/events">JSON</a>, <a href="/openapi">OpenAPI JSON</a>)</nav>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script src="%1$s/swagger-ui-standalone-preset.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({url: "/openapi", dom_id: "#swagger-ui", deepLinking: true,
                      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                      layout: "StandaloneLayout", persistAuthorization: true});
                  </script>
                </body>
                </html>
                """.formatted(assets, events);
        ctx.response().putHeader("Content-Type", "text/html; charset=UTF-8").end(html);
    }
}
