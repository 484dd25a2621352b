package no.torn.task.domain;

import no.torn.platform.problem.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a sharing mapping must satisfy whenever it is created, changed, proposed or approved (the task may have
 * changed in between). Each broken rule is a violation naming the field, answered with 422.
 */
public final class MappingRules {

    private MappingRules() {
    }

    public static List<Problem.Violation> check(Task task, PersonnelGroup from, PersonnelGroup to,
                                                SupervisionLevel supervision) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (task.status == TaskStatus.RETIRED) {
            violations.add(new Problem.Violation("taskCode", "task " + task.code + " is retired"));
        }
        if (from.code.equals(to.code)) {
            violations.add(new Problem.Violation("toGroup", "must differ from fromGroup"));
        }
        if (task.requiresHealthProfessional && !to.healthProfession) {
            violations.add(new Problem.Violation("toGroup", "task " + task.code
                    + " requires health-professional competence and " + to.code
                    + " is not an authorised health profession"));
        } else if (!task.allowsUntrainedStaff && !to.healthProfession) {
            violations.add(new Problem.Violation("toGroup", "task " + task.code
                    + " may not be performed by staff without health training, and " + to.code + " has none"));
        }
        if (task.riskLevel == RiskLevel.HIGH && !supervision.atLeast(SupervisionLevel.AVAILABLE)) {
            violations.add(new Problem.Violation("supervisionLevel",
                    "a high-risk task needs supervision AVAILABLE or DIRECT"));
        }
        return violations;
    }
}
