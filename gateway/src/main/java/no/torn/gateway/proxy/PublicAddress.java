package no.torn.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.gateway.config.GatewayConfig;
import no.torn.gateway.config.UpstreamConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The address clients call the platform on, which every link a service writes must name: the configured
 * {@code torn.gateway.public-base-url}, or else the scheme and {@code Host} of the request. The services build their
 * links from the {@code X-Forwarded-*} headers set here (those a client sent are removed before, see
 * {@link IdentityHeaders}); an absolute {@code Location} or {@code Content-Location} that still names a service's
 * internal address is rewritten to the public one on the way back.
 */
@ApplicationScoped
public class PublicAddress {

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    public static final String FORWARDED_HOST = "X-Forwarded-Host";
    public static final String FORWARDED_PORT = "X-Forwarded-Port";
    public static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";
    static final List<String> LINK_HEADERS = List.of("Location", "Content-Location");

    /** Where clients reach the platform: scheme, host[:port] as they write it, port, and a path prefix or "". */
    public record Base(String scheme, String authority, int port, String prefix) {

        String origin() {
            return scheme + "://" + authority;
        }
    }

    private final Optional<Base> configured;
    private final List<URI> internal;

    @Inject
    public PublicAddress(GatewayConfig config, UpstreamConfig upstreams) {
        // Every instance's address counts as internal.
        this(config.publicBaseUrl(), upstreams.services().values().stream()
                .flatMap(u -> java.util.Arrays.stream(u.url().split(","))).map(String::strip).toList());
    }

    PublicAddress(Optional<String> publicBaseUrl, Collection<String> upstreamUrls) {
        this.configured = publicBaseUrl.filter(url -> !url.isBlank()).map(PublicAddress::parse);
        this.internal = upstreamUrls.stream().map(URI::create).toList();
    }

    /** The configured public base URL, checked: absolute http(s), a host, no query, fragment or user info. */
    static Base parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("torn.gateway.public-base-url is not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "torn.gateway.public-base-url must be an http(s) URL with a host and at most a path: " + url);
        }
        return new Base(scheme, uri.getRawAuthority(), effectivePort(scheme, uri.getPort()), prefix(uri.getRawPath()));
    }

    /** The public base for this request: the configured one, else the scheme and Host the client used. */
    public Base baseFor(HttpServerRequest request) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String scheme = "https".equalsIgnoreCase(request.scheme()) ? "https" : "http";
        HostAndPort authority = request.authority();
        String host;
        int port;
        if (authority != null && plausible(authority.host())) {
            host = authority.host();
            port = authority.port();
        } else {
            // no usable Host header (HTTP/1.0, or nonsense): the address the request arrived on
            SocketAddress local = request.localAddress();
            host = local.hostAddress();
            port = local.port();
        }
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return new Base(scheme, port > 0 ? host + ":" + port : host, effectivePort(scheme, port), "");
    }

    /** A host name, an IPv4 address or an IPv6 literal: nothing that could break a header or a URL. */
    private static boolean plausible(String host) {
        if (host == null || host.isEmpty() || host.length() > 255) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '-' || c == '_' || c == ':' || c == '[' || c == ']';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Sets the forwarding headers on a request to a service (any a client sent must be removed before). */
    public void setForwardingHeaders(HttpServerRequest incoming, MultiMap headers) {
        Base base = baseFor(incoming);
        if (incoming.remoteAddress() != null) {
            headers.set(FORWARDED_FOR, incoming.remoteAddress().hostAddress());
        }
        headers.set(FORWARDED_PROTO, base.scheme());
        headers.set(FORWARDED_HOST, base.authority());
        headers.set(FORWARDED_PORT, Integer.toString(base.port()));
        if (!base.prefix().isEmpty()) {
            headers.set(FORWARDED_PREFIX, base.prefix());
        }
    }

    /** Rewrites the link headers of a service's response that name a service's internal address. */
    public void rewriteLinks(HttpServerRequest incoming, MultiMap responseHeaders) {
        Base base = null;
        for (String name : LINK_HEADERS) {
            String value = responseHeaders.get(name);
            if (value == null) {
                continue;
            }
            if (base == null) {
                base = baseFor(incoming);
            }
            String rewritten = rewrite(value, base);
            if (!rewritten.equals(value)) {
                responseHeaders.set(name, rewritten);
            }
        }
    }

    /**
     * {@code link} with a service's internal origin (and base path) replaced by the public base; any other link,
     * relative ones included, unchanged.
     */
    String rewrite(String link, Base base) {
        if (!link.regionMatches(true, 0, "http://", 0, 7) && !link.regionMatches(true, 0, "https://", 0, 8)) {
            return link;
        }
        URI uri;
        try {
            uri = new URI(link.trim());
        } catch (URISyntaxException e) {
            return link;
        }
        if (uri.getHost() == null) {
            return link;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        for (URI service : internal) {
            String servicePrefix = prefix(service.getRawPath());
            if (sameOrigin(uri, service) && (servicePrefix.isEmpty() || path.equals(servicePrefix)
                    || path.startsWith(servicePrefix + "/"))) {
                String rest = path.substring(servicePrefix.length());
                return base.origin() + base.prefix() + (rest.isEmpty() ? "/" : rest)
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
            }
        }
        return link;
    }

    private static boolean sameOrigin(URI a, URI b) {
        String schemeA = a.getScheme().toLowerCase(Locale.ROOT);
        String schemeB = b.getScheme() == null ? "" : b.getScheme().toLowerCase(Locale.ROOT);
        return schemeA.equals(schemeB) && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(schemeA, a.getPort()) == effectivePort(schemeB, b.getPort());
    }

    private static int effectivePort(String scheme, int port) {
        return port > 0 ? port : "https".equals(scheme) ? 443 : 80;
    }

    /** A path as a prefix: "" for none or "/", else without trailing slashes. */
    private static String prefix(String path) {
        if (path == null) {
            return "";
        }
        String trimmed = path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
