package no.torn.gateway.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.torn.gateway.proxy.Upstream;
import no.torn.gateway.proxy.Upstreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.net.URI;
import java.util.List;

/**
 * What the gateway depends on, as wellness checks ({@code /q/health/well}): one per service (its own /q/health/ready,
 * plus the state of its circuit breaker) and one for Keycloak (the realm's discovery document), so an operator sees
 * which dependency is missing. They are deliberately not readiness checks: a gateway instance that is ready serves
 * every route whose service is up and answers 503 problems for the others, so a service or Keycloak outage must not
 * take every gateway instance out of rotation (turning a partial outage into a total one). It also keeps readiness
 * free of network calls, so a new instance joins as soon as it listens.
 */
@ApplicationScoped
public class DependencyChecks {

    private static final long PROBE_TIMEOUT_MS = 2000;

    @Inject
    @Wellness
    HealthRegistry registry;

    @Inject
    Upstreams upstreams;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    private HttpClient keycloakClient;

    void register(@Observes StartupEvent start) {
        for (Upstream upstream : upstreams.all()) {
            registry.register("upstream-" + upstream.name(), () -> Uni.createFrom().completionStage(
                    probeUpstream(upstream).toCompletionStage()));
        }
        keycloakClient = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) PROBE_TIMEOUT_MS).setName("keycloak-probe"));
        registry.register("keycloak", () -> Uni.createFrom().completionStage(probeKeycloak().toCompletionStage()));
    }

    /** Up when at least one instance of the service is ready; the data name each instance and its state. */
    private Future<HealthCheckResponse> probeUpstream(Upstream upstream) {
        String name = "upstream-" + upstream.name();
        List<Future<Boolean>> probes = upstream.instances().stream()
                .map(instance -> upstreams.probe(instance).otherwise(false)).toList();
        return Future.join(probes).map(done -> {
            var response = HealthCheckResponse.named(name).withData("circuit", upstream.breaker().state().name());
            boolean any = false;
            for (int i = 0; i < probes.size(); i++) {
                boolean ready = probes.get(i).result();
                any |= ready;
                response.withData(upstream.instances().get(i).url().toString(), ready ? "UP" : "DOWN");
            }
            return response.status(any).build();
        });
    }

    private Future<HealthCheckResponse> probeKeycloak() {
        String discovery = authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        URI uri = URI.create(discovery);
        RequestOptions options = new RequestOptions().setAbsoluteURI(discovery).setMethod(HttpMethod.GET)
                .setIdleTimeout(PROBE_TIMEOUT_MS);
        String realm = uri.getScheme() + "://" + uri.getAuthority() + uri.getPath().replace(
                "/.well-known/openid-configuration", "");
        return keycloakClient.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .map(status -> HealthCheckResponse.named("keycloak").status(status == 200)
                        .withData("realm", realm).withData("status", status).build())
                .otherwise(failure -> HealthCheckResponse.named("keycloak").down()
                        .withData("realm", realm).withData("error", failure.getClass().getSimpleName()).build());
    }
}
