package no.torn.platform.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Another instance of a service running a scheduled job: it holds the job (through the service's own single-run
 * mechanism, passed in as {@code runner}) until {@link #release()}, so a test can show that this instance's round
 * does nothing meanwhile and the next round does the work.
 */
public final class AnotherInstance implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Boolean> run;

    private AnotherInstance(Function<Runnable, Boolean> runner) {
        CountDownLatch holding = new CountDownLatch(1);
        run = CompletableFuture.supplyAsync(() -> runner.apply(() -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            if (!holding.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other instance did not get the job within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the other instance's run, e.g. {@code AnotherInstance.holding(work -> single.run("job", work))}, and
     * returns once it holds the job.
     */
    public static AnotherInstance holding(Function<Runnable, Boolean> runner) {
        return new AnotherInstance(runner);
    }

    /** Lets the other instance finish; answers whether it ran the job (it did, when it held it). */
    public boolean release() throws Exception {
        release.countDown();
        return run.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release.countDown();
    }
}
