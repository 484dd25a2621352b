package no.torn.task.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import no.torn.platform.messaging.EventRoutes;
import no.torn.platform.messaging.InboundEvents;
import no.torn.task.application.CompetenceTypes;
import no.torn.task.application.EmployeeDirectory;
import no.torn.task.application.HeldCompetences;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Feeds the local copy of employees and their competence records from {@code torn.competence.v1}: employee-* events
 * update the {@link EmployeeDirectory}, record-* events the {@link HeldCompetences}, competence-type-* events the
 * catalogue of known codes ({@link CompetenceTypes}). Other event types are skipped;
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

    /** Data of competence-type-defined (version 1); {@code rhf} is the owning RHF or "national". */
    public record TypeDefinedData(@NotBlank String code, @NotBlank String rhf, String name, String kind,
                                  String category, List<String> implies, List<String> authorisesGroups,
                                  @NotNull @Pattern(regexp = "ACTIVE|RETIRED") String status,
                                  @NotNull Long version) {
        public static final String NATIONAL = "national";
    }

    /** Data of competence-type-retired (version 1): retired, or deleted altogether. */
    public record TypeRetiredData(@NotBlank String code, @NotBlank String rhf, Instant retiredAt,
                                  @NotNull Boolean deleted, @NotNull Long version) {
    }

    @Inject
    InboundEvents events;

    @Inject
    CompetenceTypes types;

    @Inject
    EmployeeDirectory employees;

    @Inject
    HeldCompetences competences;

    private EventRoutes routes;

    @PostConstruct
    void routes() {
        routes = new EventRoutes()
                .on(type -> isV1(type, "employee-"), EmployeeData.class, (event, data) -> employees.apply(data))
                .on(type -> isV1(type, "record-"), RecordData.class, (event, data) -> competences.apply(data))
                .on(type -> isV1(type, "competence-type-defined"), TypeDefinedData.class,
                        (event, data) -> types.defined(data))
                .on(type -> isV1(type, "competence-type-retired"), TypeRetiredData.class,
                        (event, data) -> types.retired(data));
    }

    @Incoming("competence-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return events.consume(CONSUMER, message, routes);
    }

    private static boolean isV1(String type, String kind) {
        return type.startsWith(PREFIX + kind) && type.endsWith(".v1");
    }
}
