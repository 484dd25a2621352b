package no.torn.platform.jobs;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two callers stand for two instances of a service: each holds its own database session, as two processes would.
 */
@QuarkusTest
class SingleRunTest {

    @Inject
    SingleRun single;

    @Test
    void aJobRunsInOneInstanceAtATimeAndAgainOnceItIsDone() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> single.run("probe-job", () -> {
            runs.incrementAndGet();
            running.countDown();
            await(release);
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        // The second instance's scheduler fires while the first is still at it: it skips this round.
        assertThat(single.run("probe-job", runs::incrementAndGet)).isFalse();
        // Another job is not held up by it.
        assertThat(single.run("other-job", () -> { })).isTrue();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.get()).isEqualTo(1);
        // The next round runs again, wherever it fires.
        assertThat(single.run("probe-job", runs::incrementAndGet)).isTrue();
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void aFailingJobReleasesItsLock() {
        try {
            single.run("failing-job", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the job's own failure
        }
        assertThat(single.run("failing-job", () -> { })).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
