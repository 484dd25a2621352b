package no.torn.gateway.proxy;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;

import java.net.URI;

/**
 * One instance of a service: its base URL and its own connection pools. It is in rotation while its last health
 * probe succeeded and no request since has failed to reach it.
 */
public final class Instance {

    private final URI url;
    private final UpstreamClients clients;
    private volatile boolean healthy = true;

    Instance(URI url, UpstreamClients clients) {
        this.url = url;
        this.clients = clients;
    }

    public URI url() {
        return url;
    }

    /** The client to use from the calling thread (see {@link UpstreamClients}). */
    public HttpClient client() {
        return clients.current();
    }

    UpstreamClients clients() {
        return clients;
    }

    public boolean healthy() {
        return healthy;
    }

    /** Out of rotation (a failed probe or request), or back in (a good probe). */
    void markHealthy(boolean healthy) {
        this.healthy = healthy;
    }

    public boolean tls() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : tls() ? 443 : 80;
    }

    /** Options for one request to this instance, with the service's timeout (no data for that long fails it). */
    public RequestOptions requestOptions(long timeoutMillis) {
        return new RequestOptions().setHost(url.getHost()).setPort(port()).setSsl(tls()).setIdleTimeout(timeoutMillis);
    }

    /** The path on the instance for a path as the gateway received it (honours a base path in the URL). */
    public String upstreamUri(String pathAndQuery) {
        String base = url.getRawPath();
        if (base == null || base.isEmpty() || "/".equals(base)) {
            return pathAndQuery;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
