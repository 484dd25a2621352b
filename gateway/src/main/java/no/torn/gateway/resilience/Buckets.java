package no.torn.gateway.resilience;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a caller, a client), forgetting a bucket once it is full again: a full bucket is exactly what
 * a new one would be, so dropping it changes no decision, and the gateway keeps no memory of every caller it has ever
 * seen. The sweep runs at most once per {@code sweepEveryNanos}, from the requests themselves. A request racing the
 * sweep may take its token from a bucket just dropped, which lets that caller one request more at most.
 */
final class Buckets {

    private final ConcurrentMap<String, TokenBucket> byKey = new ConcurrentHashMap<>();
    private final Function<String, TokenBucket> create;
    private final LongSupplier nanoClock;
    private final long sweepEveryNanos;
    private volatile long lastSweep;

    Buckets(Function<String, TokenBucket> create, LongSupplier nanoClock, long sweepEveryNanos) {
        this.create = create;
        this.nanoClock = nanoClock;
        this.sweepEveryNanos = sweepEveryNanos;
        this.lastSweep = nanoClock.getAsLong();
    }

    TokenBucket get(String key) {
        long now = nanoClock.getAsLong();
        if (now - lastSweep >= sweepEveryNanos) {
            lastSweep = now;
            byKey.values().removeIf(TokenBucket::full);
        }
        return byKey.computeIfAbsent(key, create);
    }

    int size() {
        return byKey.size();
    }
}
