package no.torn.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.platform.outbox.CloudEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer as services write them: parse, dedupe by event id, apply, all in one transaction. */
@ApplicationScoped
public class ProbeConsumer {

    @Inject
    ObjectMapper mapper;

    @Inject
    ProcessedEvents processed;

    @Inject
    EntityManager em;

    @Incoming("probe-events")
    @Transactional
    public void consume(String json) {
        CloudEvent event = CloudEvent.parse(mapper, json);
        if (!processed.firstDelivery("probe", event.id())) {
            return;
        }
        em.createNativeQuery("insert into probe_applied (event_id, subject) values (?1, ?2)")
                .setParameter(1, event.id()).setParameter(2, event.subject()).executeUpdate();
    }
}
