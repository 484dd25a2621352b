package no.torn.responsibility.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import no.torn.platform.outbox.CloudEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Kafka entry points. A malformed event throws and goes to the dead-letter topic; a lost optimistic-lock race
 * with a concurrent API command is retried, because the event itself is fine.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final int ATTEMPTS = 5;

    @Inject
    ObjectMapper mapper;

    @Inject
    ReadModels readModels;

    @Incoming("competence-events")
    @Blocking
    public void competence(String json) {
        apply(CloudEvent.parse(mapper, json), readModels::applyCompetenceEvent);
    }

    @Incoming("task-events")
    @Blocking
    public void task(String json) {
        apply(CloudEvent.parse(mapper, json), readModels::applyTaskEvent);
    }

    private void apply(CloudEvent event, Consumer<CloudEvent> handler) {
        for (int attempt = 1; ; attempt++) {
            try {
                handler.accept(event);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConcurrencyConflict(e)) {
                    throw e;
                }
                LOG.debugf("Event %s lost a concurrent update (attempt %d); retrying", event.id(), attempt);
            }
        }
    }

    private static boolean isConcurrencyConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
