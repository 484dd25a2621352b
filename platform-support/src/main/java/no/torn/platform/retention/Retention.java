package no.torn.platform.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.platform.jobs.SingleRun;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps the platform's bookkeeping tables bounded: sent outbox rows and inbox marks older than their retention, and
 * expired idempotency keys, are deleted nightly (03:15 Oslo time by default). Unsent outbox rows are never touched.
 * An inbox mark must outlive any redelivery: keep it longer than the topics' retention.
 * One instance at a time runs it ({@link SingleRun}); deleting is idempotent besides.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** What one run removed. */
    public record Purged(int outboxEvents, int processedEvents, int idempotencyKeys) {
    }

    @Inject
    EntityManager em;

    @Inject
    Today today;

    @Inject
    SingleRun single;

    @ConfigProperty(name = "torn.retention.sent-outbox", defaultValue = "P7D")
    Duration sentOutbox;

    @ConfigProperty(name = "torn.retention.processed-events", defaultValue = "P30D")
    Duration processedEvents;

    @Scheduled(cron = "{torn.retention.cron:0 15 3 * * ?}", timeZone = "Europe/Oslo",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "platform-retention")
    void nightly() {
        single.run("platform-retention", () -> {
            Purged purged = purge();
            LOG.infof("Retention removed %d sent outbox rows, %d inbox marks, %d idempotency keys",
                    purged.outboxEvents(), purged.processedEvents(), purged.idempotencyKeys());
        });
    }

    @Transactional
    public Purged purge() {
        Instant now = today.now();
        int outbox = em.createNativeQuery("delete from outbox_event where sent_at is not null and sent_at < ?1")
                .setParameter(1, now.minus(sentOutbox).atOffset(ZoneOffset.UTC)).executeUpdate();
        int inbox = em.createNativeQuery("delete from processed_event where processed_at < ?1")
                .setParameter(1, now.minus(processedEvents).atOffset(ZoneOffset.UTC)).executeUpdate();
        int keys = em.createNativeQuery("delete from idempotent_request where expires_at <= ?1")
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).executeUpdate();
        return new Purged(outbox, inbox, keys);
    }
}
