package no.torn.responsibility.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.platform.messaging.EventRoutes;
import no.torn.platform.messaging.InboundEvents;
import no.torn.responsibility.messaging.IncomingEvents.AuthorisationMismatchData;
import no.torn.responsibility.messaging.IncomingEvents.EmployeeData;
import no.torn.responsibility.messaging.IncomingEvents.RecordData;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Employees, competence records and the records HPR does not confirm (authorisation-mismatch) from
 * competence-service (torn.competence.v1).
 */
@ApplicationScoped
public class CompetenceEvents {

    static final String CONSUMER = "responsibility-competence";
    static final String PREFIX = "no.torn.competence.";

    @Inject
    InboundEvents events;

    @Inject
    EmployeeDirectory employees;

    @Inject
    CompetenceChanges competences;

    @Inject
    AuthorisationMismatches mismatches;

    private final EventRoutes routes = new EventRoutes()
            .on(IncomingEvents.v1(PREFIX + "employee-"), EmployeeData.class, (event, data) -> employees.apply(data))
            .on(IncomingEvents.v1(PREFIX + "record-"), RecordData.class,
                    (event, data) -> competences.apply(event, data))
            .on(IncomingEvents.v1(PREFIX + "authorisation-mismatch."), AuthorisationMismatchData.class,
                    (event, data) -> mismatches.apply(data));

    @Incoming("competence-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return events.consume(CONSUMER, message, routes);
    }
}
