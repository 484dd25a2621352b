package no.torn.gateway.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.gateway.config.GatewayConfig;

import java.util.concurrent.TimeUnit;

/**
 * Two limits per request: one token bucket per caller (the token's {@code sub}), so the users of a shared client
 * such as torn-cli do not drain each other's quota, and one per client id ({@code azp}) as the client's ceiling. A
 * request passes when both have a token; a token taken from the caller's bucket is given back when the client's
 * ceiling refuses the request. Buckets that are full again are forgotten ({@link Buckets}), so the limiter's memory
 * follows the callers of the last minute, not every caller since the start.
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome, with what the RateLimit-* response fields report: the tighter of the two buckets. */
    public record Decision(long retryAfterSeconds, String limitedBy, int limit, int remaining, long resetSeconds) {

        public boolean allowed() {
            return retryAfterSeconds == 0;
        }
    }

    private static final Decision UNLIMITED = new Decision(0, null, -1, -1, 0);

    private static final long SWEEP_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final GatewayConfig.RateLimit config;
    private final Buckets callers;
    private final Buckets clients;

    @Inject
    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
        this.callers = new Buckets(key -> new TokenBucket(this.config.caller().burst(),
                this.config.caller().requestsPerSecond(), System::nanoTime), System::nanoTime, SWEEP_EVERY_NANOS);
        this.clients = new Buckets(this::clientBucket, System::nanoTime, SWEEP_EVERY_NANOS);
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Decision acquire(String clientId, String subject) {
        if (!config.enabled()) {
            return UNLIMITED;
        }
        String client = clientId == null ? "" : clientId;
        TokenBucket caller = callers.get(client + '\u0000' + (subject == null ? "" : subject));
        TokenBucket ceiling = clients.get(client);
        long wait = caller.tryTake();
        if (wait > 0) {
            return decision(wait, "caller", caller, ceiling);
        }
        wait = ceiling.tryTake();
        if (wait > 0) {
            caller.refund();
            return decision(wait, "client", caller, ceiling);
        }
        return decision(0, null, caller, ceiling);
    }

    private static Decision decision(long wait, String limitedBy, TokenBucket caller, TokenBucket ceiling) {
        // Report the bucket with fewer requests left: that is the one the caller will meet first.
        TokenBucket tighter = caller.remaining() <= ceiling.remaining() ? caller : ceiling;
        return new Decision(wait, limitedBy, tighter.capacity(), tighter.remaining(), tighter.secondsUntilFull());
    }

    private TokenBucket clientBucket(String clientId) {
        GatewayConfig.ClientLimit limit = config.client().get(clientId);
        if (limit != null) {
            return new TokenBucket(limit.burst(), limit.requestsPerSecond(), System::nanoTime);
        }
        return new TokenBucket(config.burst(), config.requestsPerSecond(), System::nanoTime);
    }
}
