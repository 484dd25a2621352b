package no.torn.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the gateway is tuned ({@code torn.gateway.*}); the services it routes to are in {@link UpstreamConfig}. */
@ConfigMapping(prefix = "torn.gateway")
public interface GatewayConfig {

    RateLimit rateLimit();

    Circuit circuit();

    Docs docs();

    @WithName("access-log")
    AccessLogConfig accessLog();

    /** Verified access tokens kept until they expire, so each is verified once (0 turns the cache off). */
    @WithName("token-cache-size")
    @WithDefault("10000")
    int tokenCacheSize();

    /** Longest request target (path and query) passed on; longer ones are answered 414. */
    @WithName("max-uri-length")
    @WithDefault("4000")
    int maxUriLength();

    /** Most bytes of request header names and values passed on; more are answered 431. */
    @WithName("max-header-bytes")
    @WithDefault("16384")
    int maxHeaderBytes();

    /**
     * Path prefixes whose GET requests may name any RHF: published experience reports and grant awards are
     * readable by every authenticated user (docs/architecture.md, "Tenancy and roles").
     */
    @WithName("cross-rhf-read-paths")
    @WithDefault("/api/v1/experience,/api/v1/grants/awards")
    List<String> crossRhfReadPaths();

    /**
     * Path prefixes anyone may GET without a token: open data (published grant awards). They are rate-limited per
     * client address.
     */
    @WithName("public-read-paths")
    @WithDefault("/api/v1/open-data")
    List<String> publicReadPaths();

    /**
     * The address clients call the platform on, e.g. {@code https://api.torn.example.no} (a path is passed on as
     * {@code X-Forwarded-Prefix}). Unset: the scheme and {@code Host} of each request. The services build their
     * links ({@code Location}) from it.
     */
    @WithName("public-base-url")
    Optional<String> publicBaseUrl();

    /** How often each instance of a service with several is probed (its /q/health/ready) for the rotation. */
    @WithName("instance-probe-interval")
    @WithDefault("2s")
    java.time.Duration instanceProbeInterval();

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** A client's ceiling: sustained requests per second of all its callers together (the token's {@code azp}). */
        @WithName("requests-per-second")
        @WithDefault("500")
        double requestsPerSecond();

        /** The client's ceiling as a bucket size: how many requests its callers may fire at once. */
        @WithDefault("1000")
        int burst();

        /** Per-client ceilings, keyed by client id. */
        Map<String, ClientLimit> client();

        /** Each caller's own limit (the token's {@code sub}), within the client's ceiling. */
        CallerLimit caller();
    }

    interface CallerLimit {
        @WithName("requests-per-second")
        @WithDefault("50")
        double requestsPerSecond();

        @WithDefault("100")
        int burst();
    }

    interface ClientLimit {
        @WithName("requests-per-second")
        double requestsPerSecond();

        int burst();
    }

    interface Circuit {
        /** Consecutive failures (connection refused, timeout, 502/503/504) that open an upstream's circuit. */
        @WithName("failure-threshold")
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses calls before one trial call is let through. */
        @WithName("open-for")
        @WithDefault("10s")
        Duration openFor();
    }

    interface AccessLogConfig {
        /** Append the lines to this file (buffered) instead of the no.torn.gateway.access log category. */
        Optional<Path> file();

        /** How often queued lines are written out. */
        @WithName("flush-interval")
        @WithDefault("200ms")
        Duration flushInterval();

        /** Lines waiting to be written at most; beyond that new lines are dropped (and counted in a warning). */
        @WithName("max-queued")
        @WithDefault("100000")
        int maxQueued();
    }

    interface Docs {
        /** How long a fetched upstream OpenAPI document is reused before it is fetched again. */
        @WithName("cache-ttl")
        @WithDefault("60s")
        Duration cacheTtl();

        @WithName("swagger-ui-version")
        String swaggerUiVersion();

        /** The server URL in the merged OpenAPI document; unset: the public base URL, else "/". */
        @WithName("public-url")
        Optional<String> publicUrl();
    }
}
