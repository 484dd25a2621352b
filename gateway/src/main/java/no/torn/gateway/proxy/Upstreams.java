package no.torn.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.gateway.config.GatewayConfig;
import no.torn.gateway.config.UpstreamConfig;
import no.torn.gateway.resilience.CircuitBreaker;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured services, each with pooled HTTP clients to it (see {@link UpstreamClients}). */
@ApplicationScoped
public class Upstreams {

    private final Map<String, Upstream> byName = new LinkedHashMap<>();

    @Inject
    public Upstreams(Vertx vertx, UpstreamConfig upstreamConfig, GatewayConfig config) {
        upstreamConfig.services().forEach((name, upstream) -> {
            URI url = URI.create(upstream.url());
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
                    .setName("upstream-" + name);
            PoolOptions pool = new PoolOptions().setHttp1MaxSize(upstream.maxConnections()).setMaxWaitQueueSize(1000);
            UpstreamClients clients = new UpstreamClients(() -> vertx.createHttpClient(options, pool));
            CircuitBreaker breaker = new CircuitBreaker(config.circuit().failureThreshold(),
                    config.circuit().openFor());
            byName.put(name, new Upstream(name, url, clients, upstream.timeout().toMillis(), breaker));
        });
    }

    public Optional<Upstream> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Upstream> all() {
        return byName.values();
    }

    @PreDestroy
    void close() {
        byName.values().forEach(u -> u.clients().close());
    }
}
