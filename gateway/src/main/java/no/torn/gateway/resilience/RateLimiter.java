package no.torn.gateway.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.gateway.config.GatewayConfig;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One token bucket per client id (the token's {@code azp}), sized from configuration. */
@ApplicationScoped
public class RateLimiter {

    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimit config;

    @Inject
    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
    }

    /** 0 when the client may proceed, else the seconds to wait (Retry-After). */
    public long acquire(String clientId) {
        if (!config.enabled()) {
            return 0;
        }
        String key = clientId == null ? "" : clientId;
        return buckets.computeIfAbsent(key, this::newBucket).tryTake();
    }

    private TokenBucket newBucket(String clientId) {
        GatewayConfig.ClientLimit limit = config.client().get(clientId);
        if (limit != null) {
            return new TokenBucket(limit.burst(), limit.requestsPerSecond(), System::nanoTime);
        }
        return new TokenBucket(config.burst(), config.requestsPerSecond(), System::nanoTime);
    }
}
