package no.torn.task.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import no.torn.task.application.TaskCatalogue;
import no.torn.task.domain.CompetenceTypeView;
import no.torn.task.domain.RiskLevel;
import no.torn.task.domain.Task;
import no.torn.task.domain.TaskCategory;
import no.torn.task.domain.TaskDefinition;
import no.torn.task.domain.TaskStatus;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of the task catalogue. */
public final class TaskDtos {

    private TaskDtos() {
    }

    static final String REQUIRED_COMPETENCES = "competence type codes of competence-service's catalogue: each known, "
            + "national or of the task's RHF (a national task: national only) and not retired, else 422 R-CAT-01 "
            + "naming requiredCompetences[i]. A type created in competence-service is known here within seconds "
            + "(its competence-type-defined event)";

    /** Registers a task. {@code national=true} (national admins) or an RHF-local task of the caller's RHF. */
    public record CreateTaskRequest(
            @NotBlank @Pattern(regexp = Codes.TASK_CODE, message = "must be 2-60 upper-case letters, digits or '-'")
            String code,
            Boolean national,
            @Pattern(regexp = Codes.TASK_CODE, message = "must be a task code") String variantOf,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull TaskCategory category,
            @NotNull RiskLevel riskLevel,
            @NotNull Boolean requiresHealthProfessional,
            @NotNull Boolean allowsUntrainedStaff,
            @Schema(description = REQUIRED_COMPETENCES)
            @NotNull @Size(max = 30) List<@NotBlank @Pattern(regexp = Codes.COMPETENCE_CODE,
                    message = "must be a competence code") String> requiredCompetences,
            @Size(max = 4000) String safetyNote) {

        TaskCatalogue.Registration registration() {
            return new TaskCatalogue.Registration(code, Boolean.TRUE.equals(national), variantOf,
                    new TaskDefinition(title, description, category, riskLevel, requiresHealthProfessional,
                            allowsUntrainedStaff, new LinkedHashSet<>(requiredCompetences), safetyNote));
        }
    }

    public record UpdateTaskRequest(
            @NotNull Long version,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull TaskCategory category,
            @NotNull RiskLevel riskLevel,
            @NotNull Boolean requiresHealthProfessional,
            @NotNull Boolean allowsUntrainedStaff,
            @Schema(description = REQUIRED_COMPETENCES)
            @NotNull @Size(max = 30) List<@NotBlank @Pattern(regexp = Codes.COMPETENCE_CODE,
                    message = "must be a competence code") String> requiredCompetences,
            @Size(max = 4000) String safetyNote) {

        TaskDefinition definition() {
            return new TaskDefinition(title, description, category, riskLevel, requiresHealthProfessional,
                    allowsUntrainedStaff, new LinkedHashSet<>(requiredCompetences), safetyNote);
        }
    }

    /** Carries the version the client read, for optimistic concurrency on state transitions. */
    public record VersionRequest(@NotNull Long version) {
    }

    public enum Scope {
        NATIONAL, RHF
    }

    public record TaskResponse(UUID id, String code, Scope scope, String rhf, String variantOf, String title,
                               String description, TaskCategory category, RiskLevel riskLevel,
                               boolean requiresHealthProfessional, boolean allowsUntrainedStaff,
                               List<String> requiredCompetences,
                               @Schema(description = "required codes whose competence type has since been retired "
                                       + "or deleted in competence-service: the task needs review (flagged)")
                               List<String> retiredCompetences,
                               String safetyNote, TaskStatus status, long version,
                               Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        static TaskResponse of(Task t) {
            return of(t, CompetenceTypeView.retiredCodes());
        }

        /** {@code retired}: every code no longer in force, read once for a page of tasks. */
        static TaskResponse of(Task t, Set<String> retired) {
            List<String> required = t.sortedRequiredCompetences();
            return new TaskResponse(t.id, t.code, t.isNational() ? Scope.NATIONAL : Scope.RHF, t.rhf, t.variantOf,
                    t.title, t.description, t.category, t.riskLevel, t.requiresHealthProfessional,
                    t.allowsUntrainedStaff, required, required.stream().filter(retired::contains).toList(),
                    t.safetyNote, t.status, t.version, t.createdAt, t.createdBy, t.updatedAt, t.updatedBy);
        }
    }

    public record PersonnelGroupResponse(String code, String name, boolean authorisedHealthProfession) {
    }
}
