package no.torn.task.messaging;

import no.torn.task.domain.ProcessMapping;
import no.torn.task.domain.ProcessPhase;
import no.torn.task.domain.SharingMapping;
import no.torn.task.domain.Task;

import java.util.List;
import java.util.UUID;

/**
 * The events task-service publishes on {@code torn.task.v1} and their payloads, exactly as the shared event
 * vocabulary and the JSON Schemas under {@code META-INF/resources/events/schemas} describe them.
 */
public final class TaskEvents {

    public static final String TASK_REGISTERED = "no.torn.task.task-registered.v1";
    public static final String TASK_UPDATED = "no.torn.task.task-updated.v1";
    public static final String TASK_RETIRED = "no.torn.task.task-retired.v1";
    public static final String MAPPING_PROPOSED = "no.torn.task.sharing-mapping-proposed.v1";
    public static final String MAPPING_APPROVED = "no.torn.task.sharing-mapping-approved.v1";
    public static final String MAPPING_RETIRED = "no.torn.task.sharing-mapping-retired.v1";
    public static final String PROCESS_PHASE_CHANGED = "no.torn.task.process-mapping-phase-changed.v1";

    private TaskEvents() {
    }

    public record TaskData(UUID taskId, String code, String rhf, String variantOf, String title, String category,
                           String riskLevel, boolean requiresHealthProfessional, boolean allowsUntrainedStaff,
                           List<String> requiredCompetences, String status, long version) {
        public static TaskData of(Task task) {
            return new TaskData(task.id, task.code, task.rhf, task.variantOf, task.title, task.category.name(),
                    task.riskLevel.name(), task.requiresHealthProfessional, task.allowsUntrainedStaff,
                    task.sortedRequiredCompetences(), task.status.name(), task.version);
        }
    }

    public record SharingMappingData(UUID mappingId, String rhf, String taskCode, String fromGroup, String toGroup,
                                     List<String> taskRequiredCompetences, List<String> extraRequiredCompetences,
                                     List<String> requiredCompetences, String supervisionLevel, String riskLevel,
                                     String legalBasis, String status, long version) {
        public static SharingMappingData of(SharingMapping mapping) {
            return new SharingMappingData(mapping.id, mapping.rhf, mapping.taskCode, mapping.fromGroup,
                    mapping.toGroup, mapping.task.sortedRequiredCompetences(), mapping.sortedExtraCompetences(),
                    mapping.allRequiredCompetences(), mapping.supervisionLevel.name(), mapping.task.riskLevel.name(),
                    mapping.legalBasis, mapping.status.name(), mapping.version);
        }
    }

    public record PhaseChangedData(UUID processMappingId, String rhf, String hf, String unit, String name,
                                   String fromPhase, String toPhase) {
        public static PhaseChangedData of(ProcessMapping mapping, ProcessPhase from) {
            return new PhaseChangedData(mapping.id, mapping.rhf, mapping.hf, mapping.unit, mapping.name, from.name(),
                    mapping.phase.name());
        }
    }
}
