package no.torn.task.domain;

import java.util.Set;

/** The client-settable content of a sharing mapping. */
public record MappingDefinition(String taskCode, String fromGroup, String toGroup, Set<String> extraRequiredCompetences,
                                String requiredTraining, SupervisionLevel supervisionLevel, String legalBasis) {
}
