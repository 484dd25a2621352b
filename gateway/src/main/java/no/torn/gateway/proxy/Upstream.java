package no.torn.gateway.proxy;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import no.torn.gateway.resilience.CircuitBreaker;

import java.net.URI;

/** One service behind the gateway: its base URL, its own connection pools, timeout and circuit breaker. */
public record Upstream(String name, URI url, UpstreamClients clients, long timeoutMillis, CircuitBreaker breaker) {

    /** The client to use from the calling thread (see {@link UpstreamClients}). */
    public HttpClient client() {
        return clients.current();
    }

    public boolean tls() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : tls() ? 443 : 80;
    }

    /** Options for one request to this service, with its timeout (no data for that long fails the request). */
    public RequestOptions requestOptions() {
        return new RequestOptions().setHost(url.getHost()).setPort(port()).setSsl(tls())
                .setIdleTimeout(timeoutMillis);
    }

    /** Human name used in problem details, e.g. "competence-service". */
    public String serviceName() {
        return name + "-service";
    }

    /** The path on the upstream for a path as the gateway received it (honours a base path in the URL). */
    public String upstreamUri(String pathAndQuery) {
        String base = url.getRawPath();
        if (base == null || base.isEmpty() || "/".equals(base)) {
            return pathAndQuery;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }
}
