package no.torn.gateway.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BucketsTest {

    private final AtomicLong now = new AtomicLong();
    private final Buckets buckets = new Buckets(key -> new TokenBucket(2, 1, now::get), now::get,
            Duration.ofMinutes(1).toNanos());

    @Test
    void aCallerKeepsItsBucketWhileItIsNotFull() {
        TokenBucket first = buckets.get("vest-hr");
        first.tryTake();
        first.tryTake();
        assertThat(buckets.get("vest-hr")).isSameAs(first);
        assertThat(buckets.get("vest-hr").tryTake()).isPositive(); // still empty: the limit holds
    }

    @Test
    void bucketsThatAreFullAgainAreForgottenAtTheNextSweep() {
        for (int i = 0; i < 1000; i++) {
            buckets.get("caller-" + i).tryTake();
        }
        assertThat(buckets.size()).isEqualTo(1000);
        TokenBucket busy = buckets.get("busy");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        busy.tryTake();
        busy.tryTake(); // empty again just before the sweep
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        buckets.get("newcomer");
        // Every idle caller's bucket refilled and was dropped; the busy one and the newcomer remain.
        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.get("busy")).isSameAs(busy);
    }

    @Test
    void noSweepBeforeTheInterval() {
        buckets.get("a").tryTake();
        now.addAndGet(Duration.ofSeconds(30).toNanos()); // refilled, but the sweep is not due
        buckets.get("b");
        assertThat(buckets.size()).isEqualTo(2);
    }
}
