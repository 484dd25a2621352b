package no.torn.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves committed outbox rows to Kafka. A row is marked sent only after the broker acknowledged it, so a broker
 * outage delays events but never loses them (at-least-once; consumers dedupe by event id).
 * <p>
 * Several instances of a service may run the relay: a transaction-scoped advisory lock lets one relay at a time
 * publish, which keeps each aggregate's events in commit order, and {@code FOR UPDATE SKIP LOCKED} keeps rows that
 * another transaction holds out of the batch.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant identifying the relay's advisory lock within a service's own database. */
    private static final long RELAY_LOCK = 0x7051_4f55_5442_4f58L;

    @Inject
    @Channel("torn-outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    @Inject
    EntityManager em;

    @Inject
    ManagedExecutor executor;

    @Inject
    Clock clock;

    @ConfigProperty(name = "torn.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "torn.outbox.ack-timeout", defaultValue = "PT20S")
    Duration ackTimeout;

    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean stopping;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();

    /** Once shutdown begins, the database and the channel go away: leave what is left to the next start. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Called after a transaction with outbox rows committed. */
    void wake() {
        wakeRequested.set(true);
        if (!draining.get() && !stopping) {
            executor.execute(this::drain);
        }
    }

    /** The safety net: picks up rows whose wake-up was lost (crash, broker outage, another instance's rows). */
    @Scheduled(every = "${torn.outbox.poll-interval:1s}", delayed = "${torn.outbox.initial-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wakeRequested.set(true);
        drain();
    }

    /** Publishes until the outbox is empty or the broker stops acknowledging. */
    public void drain() {
        if (stopping || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            while (wakeRequested.getAndSet(false)) {
                int published;
                do {
                    published = relayBatch();
                } while (published == batchSize);
                if (published < 0) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay stopped for now: %s", e.getMessage());
        } finally {
            draining.set(false);
        }
        if (wakeRequested.get() && !draining.get() && !stopping) {
            executor.execute(this::drain);
        }
    }

    /** @return rows published, or -1 when the broker failed and the rest must wait for the next poll */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) ackTimeout.plusSeconds(10).toSeconds()).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<OutboxEvent> batch = em.createNativeQuery(
                            "select * from outbox_event where sent_at is null order by seq limit ?1 for update skip locked",
                            OutboxEvent.class)
                    .setParameter(1, batchSize).getResultList();
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent row : batch) {
                acks.add(send(row));
            }
            long deadline = System.nanoTime() + ackTimeout.toNanos();
            Instant now = clock.instant();
            int published = 0;
            for (int i = 0; i < batch.size(); i++) {
                OutboxEvent row = batch.get(i);
                try {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    row.sentAt = now;
                    published++;
                } catch (Exception e) {
                    // Later rows may have reached the broker too; they are re-sent and deduplicated downstream.
                    row.attempts++;
                    row.lastError = truncate(String.valueOf(rootCause(e).getMessage()));
                    LOG.warnf("Outbox event %s not acknowledged (attempt %d): %s", row.id, row.attempts, row.lastError);
                    return -1;
                }
            }
            return published;
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.subject)
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(row.envelope)
                .addMetadata(metadata)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
