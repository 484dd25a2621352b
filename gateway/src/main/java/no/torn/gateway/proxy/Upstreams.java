package no.torn.gateway.proxy;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.event.Observes;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.gateway.config.GatewayConfig;
import no.torn.gateway.config.UpstreamConfig;
import no.torn.gateway.resilience.CircuitBreaker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured services, each with one or more instances and pooled HTTP clients to each (see
 * {@link UpstreamClients}). Instances of a service with several are probed on their readiness endpoint every
 * {@code torn.gateway.instance-probe-interval}; one that fails leaves the rotation until it answers again.
 */
@ApplicationScoped
public class Upstreams {

    private static final long PROBE_TIMEOUT_MS = 2000;

    private final Map<String, Upstream> byName = new LinkedHashMap<>();
    private final Vertx vertx;
    private final long probeInterval;
    private long timer = -1;

    @Inject
    public Upstreams(Vertx vertx, UpstreamConfig upstreamConfig, GatewayConfig config) {
        this.vertx = vertx;
        upstreamConfig.services().forEach((name, upstream) -> {
            List<Instance> instances = new ArrayList<>();
            for (String each : upstream.url().split(",")) {
                URI url = URI.create(each.strip());
                boolean tls = "https".equalsIgnoreCase(url.getScheme());
                int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
                HttpClientOptions options = new HttpClientOptions()
                        .setDefaultHost(url.getHost())
                        .setDefaultPort(port)
                        .setSsl(tls)
                        .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(60)
                        .setTcpNoDelay(true)
                        .setName("upstream-" + name + "-" + instances.size());
                PoolOptions pool = new PoolOptions().setHttp1MaxSize(upstream.maxConnections())
                        .setMaxWaitQueueSize(1000);
                instances.add(new Instance(url, new UpstreamClients(() -> vertx.createHttpClient(options, pool))));
            }
            CircuitBreaker breaker = new CircuitBreaker(config.circuit().failureThreshold(),
                    config.circuit().openFor());
            byName.put(name, new Upstream(name, instances, upstream.timeout().toMillis(), breaker));
        });
        probeInterval = config.instanceProbeInterval().toMillis();
    }

    /** Probes every instance of a service with more than one, and puts it in or out of rotation. */
    void startProbes(@Observes StartupEvent start) {
        if (byName.values().stream().anyMatch(u -> u.instances().size() > 1)) {
            timer = vertx.setPeriodic(probeInterval, id -> probeAll());
        }
    }

    private void probeAll() {
        for (Upstream upstream : byName.values()) {
            if (upstream.instances().size() > 1) {
                upstream.instances().forEach(instance -> probe(instance).onComplete(ready ->
                        instance.markHealthy(ready.succeeded() && ready.result())));
            }
        }
    }

    /** True when the instance answers its readiness check with 200 within two seconds. */
    public Future<Boolean> probe(Instance instance) {
        RequestOptions options = instance.requestOptions(PROBE_TIMEOUT_MS).setMethod(HttpMethod.GET)
                .setURI(instance.upstreamUri("/q/health/ready"));
        return instance.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode() == 200));
    }

    public Optional<Upstream> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Upstream> all() {
        return byName.values();
    }

    @PreDestroy
    void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        byName.values().forEach(u -> u.instances().forEach(i -> i.clients().close()));
    }
}
