package no.torn.gateway.proxy;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.torn.gateway.docs.DocsHandler;

/**
 * Mounts the gateway on the Quarkus Vert.x router. Order: the edge handler (request id, size limit, access log) runs
 * before Quarkus authenticates the bearer token; the /api pipeline after it.
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

        router.get("/openapi").handler(docs::openApi);
        router.get("/docs").handler(docs::swaggerUi);
        router.get("/events").handler(docs::eventCatalogue);
        router.get("/events/:service/asyncapi.yaml").handler(docs::eventDocument);
        router.get("/events/:service/schemas/*").handler(docs::eventDocument);
    }
}
