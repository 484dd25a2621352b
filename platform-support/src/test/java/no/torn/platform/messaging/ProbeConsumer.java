package no.torn.platform.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Pattern;
import no.torn.platform.outbox.CloudEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** A consumer in the one shape services use: routes by type, typed and validated data, inbox, DLQ on failure. */
@ApplicationScoped
public class ProbeConsumer {

    /** Probe data: {@code colour}, when given, must be a word; a payload that breaks it is poison. */
    public record ProbeData(@Pattern(regexp = "[a-z]+") String colour) {
    }

    @Inject
    InboundEvents events;

    @Inject
    EntityManager em;

    private final EventRoutes routes = new EventRoutes()
            .on("no.torn.platform.probe-created.", ProbeData.class, this::applied);

    @Incoming("probe-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return events.consume("probe", message, routes);
    }

    void applied(CloudEvent event, ProbeData data) {
        em.createNativeQuery("insert into probe_applied (event_id, subject) values (?1, ?2)")
                .setParameter(1, event.id()).setParameter(2, event.subject()).executeUpdate();
    }
}
