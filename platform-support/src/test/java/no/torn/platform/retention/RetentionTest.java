package no.torn.platform.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    private void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
    }

    private long count(String query, String marker) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query)
                .setParameter(1, marker).getSingleResult()).longValue());
    }

    private void outbox(String subject, String sentAt) {
        sql("insert into outbox_event (id, topic, event_type, subject, rhf, envelope, created_at, sent_at) "
                + "values (?1, 'torn.retention-test.v1', 'probe', ?2, 'helse-vest', '{}', now() - interval '60 days', "
                + sentAt + ")", UUID.randomUUID(), subject);
    }

    @Test
    void oldSentOutboxRowsAndInboxMarksGoRecentOnesStay() {
        String marker = UUID.randomUUID().toString();
        outbox(marker, "now() - interval '8 days'");
        outbox(marker, "now() - interval '1 day'");
        sql("insert into processed_event (consumer, event_id, processed_at) values (?1, 'old', now() - interval '31 days')",
                marker);
        sql("insert into processed_event (consumer, event_id, processed_at) values (?1, 'recent', now() - interval '1 day')",
                marker);

        Retention.Purged purged = retention.purge();

        assertThat(purged.outboxEvents()).isGreaterThanOrEqualTo(1);
        assertThat(purged.processedEvents()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from outbox_event where subject = ?1", marker)).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where consumer = ?1", marker)).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where consumer = ?1 and event_id = 'recent'", marker))
                .isEqualTo(1);
    }
}
