package no.torn.task.domain;

import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;

import java.util.List;
import java.util.Set;

/** The client-settable content of a task. */
public record TaskDefinition(String title, String description, TaskCategory category, RiskLevel riskLevel,
                             boolean requiresHealthProfessional, boolean allowsUntrainedStaff,
                             Set<String> requiredCompetences, String safetyNote) {

    /** A task that requires health-professional competence cannot be open to staff without health training. */
    public void checkConsistent() {
        if (requiresHealthProfessional && allowsUntrainedStaff) {
            throw ProblemException.rule("a task that requires health-professional competence cannot allow staff "
                    + "without health training", List.of(new Problem.Violation("allowsUntrainedStaff",
                    "must be false when requiresHealthProfessional is true")));
        }
    }
}
