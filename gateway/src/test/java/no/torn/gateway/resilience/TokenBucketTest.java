package no.torn.gateway.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void burstThenRefillAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(3, 2, now::get);
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(1); // next token in 0.5 s, rounded up
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake()).isZero(); // refilled to capacity, not beyond
        }
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void retryAfterReflectsASlowRate() {
        TokenBucket bucket = new TokenBucket(1, 0.1, now::get);
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(10);
    }
}
