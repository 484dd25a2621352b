package no.torn.task.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import no.torn.platform.messaging.EventRoutes;
import no.torn.platform.messaging.InboundEvents;
import no.torn.task.application.EmployeeDirectory;
import no.torn.task.application.HeldCompetences;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Feeds the local copy of employees and their competence records from {@code torn.competence.v1}: employee-* events
 * update the {@link EmployeeDirectory}, record-* events the {@link HeldCompetences}. Other event types are skipped;
 * an event with unreadable or incomplete data goes to the dead-letter topic.
 */
@ApplicationScoped
public class CompetenceEvents {

    static final String CONSUMER = "task-service.competence";
    private static final String PREFIX = "no.torn.competence.";

    /** Data of the employee-* events (version 1). */
    public record EmployeeData(@NotNull UUID employeeId, @NotBlank String rhf, String hf, String unit,
                               String employeeNumber, @NotBlank String personnelGroup, @NotBlank String status,
                               @NotNull Long version) {
    }

    /** Data of the record-* events (version 1). */
    public record RecordData(@NotNull UUID recordId, @NotNull UUID employeeId, @NotBlank String rhf,
                             @NotBlank String competenceCode, List<@NotBlank String> impliedCodes,
                             LocalDate acquiredOn, LocalDate validUntil, @NotBlank String status,
                             @NotNull Long version) {
    }

    @Inject
    InboundEvents events;

    @Inject
    EmployeeDirectory employees;

    @Inject
    HeldCompetences competences;

    private EventRoutes routes;

    @PostConstruct
    void routes() {
        routes = new EventRoutes()
                .on(type -> isV1(type, "employee-"), EmployeeData.class, (event, data) -> employees.apply(data))
                .on(type -> isV1(type, "record-"), RecordData.class, (event, data) -> competences.apply(data));
    }

    @Incoming("competence-events")
    @Blocking
    public void consume(String json) {
        events.consume(CONSUMER, json, routes);
    }

    private static boolean isV1(String type, String kind) {
        return type.startsWith(PREFIX + kind) && type.endsWith(".v1");
    }
}
