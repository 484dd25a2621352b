package no.torn.responsibility.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payloads this service reads from torn.competence.v1 and torn.task.v1 (the shared event vocabulary). */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    public record EmployeeData(UUID employeeId, String rhf, String hf, String unit, String employeeNumber,
                               String personnelGroup, String status, Long version) {
        void check() {
            require(employeeId, "employeeId");
            require(rhf, "rhf");
            require(status, "status");
            require(version, "version");
        }
    }

    public record RecordData(UUID recordId, UUID employeeId, String rhf, String hf, String unit,
                             String personnelGroup, String competenceCode, List<String> impliedCodes,
                             LocalDate acquiredOn, LocalDate validUntil, String status, JsonNode trustLevel,
                             String reason, Integer thresholdDays, Long version) {
        void check() {
            require(recordId, "recordId");
            require(employeeId, "employeeId");
            require(rhf, "rhf");
            require(competenceCode, "competenceCode");
            require(status, "status");
            require(version, "version");
        }
    }

    public record TaskData(UUID taskId, String code, String rhf, String variantOf, String title, String category,
                           String riskLevel, Boolean requiresHealthProfessional, Boolean allowsUntrainedStaff,
                           List<String> requiredCompetences, String status, Long version) {
        void check() {
            require(code, "code");
            require(status, "status");
            require(version, "version");
        }
    }

    public record MappingData(UUID mappingId, String rhf, String taskCode, String fromGroup, String toGroup,
                              List<String> taskRequiredCompetences, List<String> extraRequiredCompetences,
                              List<String> requiredCompetences, String supervisionLevel, String riskLevel,
                              String legalBasis, String status, Long version) {
        void check() {
            require(mappingId, "mappingId");
            require(rhf, "rhf");
            require(taskCode, "taskCode");
            require(status, "status");
            require(version, "version");
        }
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException("event data lacks '" + field + "'");
        }
    }
}
