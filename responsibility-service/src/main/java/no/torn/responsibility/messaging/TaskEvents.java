package no.torn.responsibility.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.platform.messaging.EventRoutes;
import no.torn.platform.messaging.InboundEvents;
import no.torn.responsibility.messaging.IncomingEvents.MappingData;
import no.torn.responsibility.messaging.IncomingEvents.TaskData;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Catalogue tasks and sharing mappings from task-service (torn.task.v1). */
@ApplicationScoped
public class TaskEvents {

    static final String CONSUMER = "responsibility-task";
    static final String PREFIX = "no.torn.task.";

    @Inject
    InboundEvents events;

    @Inject
    TaskCatalogueView tasks;

    @Inject
    SharingMappingChanges mappings;

    private final EventRoutes routes = new EventRoutes()
            .on(IncomingEvents.v1(PREFIX + "task-"), TaskData.class, (event, data) -> tasks.apply(data))
            .on(IncomingEvents.v1(PREFIX + "sharing-mapping-"), MappingData.class,
                    (event, data) -> mappings.apply(data));

    @Incoming("task-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return events.consume(CONSUMER, message, routes);
    }
}
