package no.torn.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;

/**
 * The services behind the gateway ({@code torn.upstream.<name>.*}); in deployments their URLs come from
 * {@code TORN_UPSTREAM_<NAME>_URL}.
 */
@ConfigMapping(prefix = "torn.upstream")
public interface UpstreamConfig {

    /** By name: competence, task, responsibility, grants. */
    @WithParentName
    Map<String, Upstream> services();

    interface Upstream {
        /**
         * Base URL of the service, e.g. {@code http://competence-service:8081} (on Kubernetes the Service's DNS name),
         * or the base URLs of its instances, comma-separated, which the gateway balances itself.
         */
        String url();

        /** Longest wait for the service to answer (time without any data); then 504. */
        @WithDefault("30s")
        Duration timeout();

        @WithName("connect-timeout")
        @WithDefault("2s")
        Duration connectTimeout();

        /** Open connections to the service at most, per event loop of the gateway. */
        @WithName("max-connections")
        @WithDefault("100")
        int maxConnections();
    }
}
