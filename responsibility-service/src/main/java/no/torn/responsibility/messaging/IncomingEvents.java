package no.torn.responsibility.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Payloads this service reads from torn.competence.v1 and torn.task.v1 (the shared event vocabulary). What the
 * consequences need is required; an event without it is poison and goes to the dead-letter topic.
 */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    /** Version 1 of the event types starting with {@code prefix}; other versions are not read. */
    static Predicate<String> v1(String prefix) {
        return type -> type != null && type.startsWith(prefix) && type.endsWith(".v1");
    }

    public record EmployeeData(@NotNull UUID employeeId, @NotBlank String rhf, String hf, String unit,
                               String employeeNumber, String personnelGroup, @NotBlank String status,
                               @NotNull Long version) {
    }

    public record RecordData(@NotNull UUID recordId, @NotNull UUID employeeId, @NotBlank String rhf, String hf,
                             String unit, String personnelGroup, @NotBlank String competenceCode,
                             List<String> impliedCodes, @NotNull LocalDate acquiredOn, LocalDate validUntil,
                             @NotBlank String status, JsonNode trustLevel, String reason, Integer thresholdDays,
                             @NotNull Long version) {
    }

    /** competence-service's authorisation-mismatch: HPR does not confirm a record of an authorisation. */
    public record AuthorisationMismatchData(@NotNull UUID recordId, @NotNull UUID employeeId, @NotBlank String rhf,
                                            String hf, @NotBlank String competenceCode, @NotBlank String reason,
                                            String registerStatus, Instant checkedAt, UUID runId) {
    }

    public record TaskData(UUID taskId, @NotBlank String code, String rhf, String variantOf, String title,
                           String category, String riskLevel, Boolean requiresHealthProfessional,
                           Boolean allowsUntrainedStaff, List<String> requiredCompetences, @NotBlank String status,
                           @NotNull Long version) {
    }

    public record MappingData(@NotNull UUID mappingId, @NotBlank String rhf, @NotBlank String taskCode,
                              String fromGroup, String toGroup, List<String> taskRequiredCompetences,
                              List<String> extraRequiredCompetences, List<String> requiredCompetences,
                              String supervisionLevel, String riskLevel, String legalBasis,
                              @NotBlank String status, @NotNull Long version) {
    }
}
