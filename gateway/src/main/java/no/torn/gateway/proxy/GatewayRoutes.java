package no.torn.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.torn.gateway.docs.DocsHandler;

/**
 * Mounts the gateway on the Quarkus Vert.x router. Order: the edge handler (request id, limits, control characters,
 * access log) runs before Quarkus authenticates the bearer token; the /api pipeline after it. A path no route
 * answers is a 404 problem.
 */
@ApplicationScoped
public class GatewayRoutes {

    /** Before Quarkus' authentication (-200) and upload-limit (-2) handlers. */
    private static final int EDGE_ORDER = -1000;

    @Inject
    EdgeHandler edge;

    @Inject
    ApiHandler api;

    @Inject
    DocsHandler docs;

    void mount(@Observes Router router) {
        router.route().order(EDGE_ORDER).handler(edge::handle);
        router.route().failureHandler(edge::failure);
        // what no route answers, outside /api too (an /api path no service owns is refused by the API pipeline).
        // The gateway's pages answer their own 405s; the router's 405 only means that a GET-only route of the
        // framework (static resources match every path) saw another method, so the path is simply not ours.
        router.errorHandler(404, edge::notFound);
        router.errorHandler(405, edge::notFound);

        router.route("/api/*").handler(api::admit);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(edge.maxBodySize());
        router.route("/api/*").handler(ctx -> {
            if (ApiHandler.readsBody(ctx.request())) {
                ctx.request().resume();
                body.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route("/api/*").handler(api::forward);

        page(router, "/openapi", docs::openApi);
        page(router, "/docs", docs::swaggerUi);
        page(router, "/events", docs::eventCatalogue);
        page(router, "/events/:service/asyncapi.yaml", docs::eventDocument);
        page(router, "/events/:service/schemas/*", docs::eventDocument);
    }

    /** A page of the gateway's own: GET (and HEAD); any other method is a 405 problem. */
    private void page(Router router, String path, Handler<RoutingContext> handler) {
        router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(handler);
        router.route(path).handler(ctx -> {
            ctx.response().putHeader("Allow", "GET, HEAD");
            edge.methodNotAllowed(ctx);
        });
    }
}
