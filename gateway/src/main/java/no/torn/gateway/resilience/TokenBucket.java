package no.torn.gateway.resilience;

import java.util.function.LongSupplier;

/** A token bucket: {@code capacity} requests at once, refilled at {@code perSecond}. Thread-safe. */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    public TokenBucket(double capacity, double perSecond, LongSupplier nanoClock) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and perSecond > 0");
        }
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.lastRefill = nanoClock.getAsLong();
    }

    /**
     * Takes one token. Returns 0 when the request may pass, else the whole seconds (at least 1) until a token will
     * be available, for Retry-After.
     */
    public synchronized long tryTake() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * perNano);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double nanosToWait = (1 - tokens) / perNano;
        return Math.max(1, (long) Math.ceil(nanosToWait / 1e9));
    }
}
