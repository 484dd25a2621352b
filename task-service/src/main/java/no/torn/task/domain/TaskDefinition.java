package no.torn.task.domain;

import java.util.Set;

/** The client-settable content of a task. */
public record TaskDefinition(String title, String description, TaskCategory category, RiskLevel riskLevel,
                             boolean requiresHealthProfessional, boolean allowsUntrainedStaff,
                             Set<String> requiredCompetences, String safetyNote) {
}
