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
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return secondsUntil(1);
    }

    /** Gives back a token taken for a request that another limit then refused. */
    public synchronized void refund() {
        tokens = Math.min(capacity, tokens + 1);
    }

    public int capacity() {
        return (int) capacity;
    }

    /** Whole requests that may be sent now. */
    public synchronized int remaining() {
        refill();
        return (int) Math.floor(tokens);
    }

    /** True when the bucket holds its whole capacity again, as a new bucket would. */
    public synchronized boolean full() {
        refill();
        return tokens >= capacity;
    }

    /** Whole seconds until the bucket is full again (0 when it is). */
    public synchronized long secondsUntilFull() {
        refill();
        return tokens >= capacity ? 0 : secondsUntil(capacity);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * perNano);
        lastRefill = now;
    }

    private long secondsUntil(double level) {
        double nanosToWait = (level - tokens) / perNano;
        return Math.max(1, (long) Math.ceil(nanosToWait / 1e9));
    }
}
