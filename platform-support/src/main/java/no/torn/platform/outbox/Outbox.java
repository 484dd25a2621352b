package no.torn.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The one way a service publishes an event: the row is written in the caller's transaction, so the event exists if
 * and only if the change committed. The relay is woken after commit for low latency; its poll catches the rest.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_KEY = new Object();
    private static final int BATCH = 500;

    /** One event of a batch: CloudEvents type, subject (aggregate id and Kafka key), tenant, payload. */
    public record Pending(String type, Object subject, String rhf, Object data) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    /** The service's topic template, e.g. {@code torn.{rhf}.competence.v1} (see {@link Topics}). */
    @ConfigProperty(name = "torn.outbox.topic")
    String topic;

    @ConfigProperty(name = "torn.outbox.source")
    String source;

    /**
     * Records an event in the current transaction.
     *
     * @param type    full CloudEvents type, e.g. {@code no.torn.competence.record-registered.v1}
     * @param subject the aggregate id; it is also the Kafka key, which keeps one aggregate's events in order
     * @param rhf     the tenant the event belongs to
     * @param data    the payload, serialised with the application's ObjectMapper
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String type, Object subject, String rhf, Object data) {
        JsonNode payload = mapper.valueToTree(data);
        CloudEvent event = CloudEvent.create(source, type, String.valueOf(subject), rhf, payload, clock.instant());
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.topic = Topics.of(topic, rhf);
        row.eventType = type;
        row.subject = event.subject();
        row.rhf = rhf;
        row.envelope = event.toJson(mapper).toString();
        row.createdAt = event.time();
        row.persist();
        wakeRelayAfterCommit();
        return event;
    }

    /**
     * Records many events in the current transaction with JDBC batches instead of a round trip per event (a
     * 10,000-row HR import announces some 20,000 events). Insertion order is publication order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        em.flush();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, topic, event_type, subject, rhf, envelope, created_at, attempts)
                    values (?, ?, ?, ?, ?, cast(? as jsonb), ?, 0)""")) {
                int n = 0;
                for (Pending p : events) {
                    CloudEvent event = CloudEvent.create(source, p.type(), String.valueOf(p.subject()), p.rhf(),
                            mapper.valueToTree(p.data()), now.toInstant());
                    insert.setObject(1, UUID.fromString(event.id()));
                    insert.setString(2, Topics.of(topic, p.rhf()));
                    insert.setString(3, event.type());
                    insert.setString(4, event.subject());
                    insert.setString(5, event.rhf());
                    insert.setString(6, event.toJson(mapper).toString());
                    insert.setObject(7, now);
                    insert.addBatch();
                    if (++n % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
