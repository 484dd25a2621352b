package no.torn.task.domain;

import no.torn.platform.problem.Problem;
import no.torn.platform.rules.RuleCheck;

import java.util.List;
import java.util.Set;

/**
 * The rules a sharing mapping must satisfy whenever it is created, changed, proposed or approved (the task may have
 * changed in between): the {@link SharingDecision} about the receiving group, with the mapping taken as approved
 * (R-SHARE-01, -02, -03, -05), and that a mapping moves the task between two different groups (R-SHARE-06).
 * Competences are conditions here, not checks. Every unmet rule is listed, each naming the request field.
 */
public final class MappingRules {

    public static final String DIFFERENT_GROUPS = "R-SHARE-06";
    public static final String ONE_LIVE_MAPPING = "R-SHARE-07";

    private MappingRules() {
    }

    public static RuleCheck check(Task task, PersonnelGroup from, PersonnelGroup to, SupervisionLevel supervision) {
        SharingDecision.Mapping asApproved = new SharingDecision.Mapping(null, from.code, to.code,
                MappingStatus.APPROVED, supervision, Set.of());
        SharingDecision.Outcome outcome = SharingDecision.forGroup(SharingDecision.TaskTerms.of(task), to.code,
                to.healthProfession, List.of(asApproved));
        RuleCheck check = RuleCheck.of().addAll(outcome.unmet().stream()
                .map(r -> "personnelGroup".equals(r.field()) ? new Problem.UnmetRule(r.rule(), r.detail(), "toGroup")
                        : r)
                .map(r -> r.rule().equals(SharingDecision.SUPERVISION) ? new Problem.UnmetRule(r.rule(),
                        "a HIGH-risk task shared through a mapping needs supervision AVAILABLE or DIRECT, not "
                                + supervision, r.field()) : r)
                .toList());
        return check.require(!from.code.equals(to.code), DIFFERENT_GROUPS, "toGroup",
                "a sharing mapping moves the task to another group; toGroup must differ from fromGroup");
    }
}
