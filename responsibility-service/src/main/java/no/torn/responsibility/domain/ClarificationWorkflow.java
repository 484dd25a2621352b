package no.torn.responsibility.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Commands on clarifications: each one transaction, audited, announced through the outbox. */
@ApplicationScoped
public class ClarificationWorkflow {

    public static final String SYSTEM_TASKS = "system:task-events";
    public static final String SYSTEM_SCHEDULER = "system:review-date";

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ResponsibilityEvents events;

    @Inject
    DelegationWorkflow delegations;

    @Transactional
    public Clarification create(String rhf, ClarificationContent content, String actor, String idempotencyKey) {
        Clarification c = new Clarification();
        c.id = UUID.randomUUID();
        c.rhf = rhf;
        apply(c, content);
        c.status = ClarificationStatus.DRAFT;
        c.createdBy = actor;
        c.createdAt = clock.instant();
        c.updatedAt = c.createdAt;
        c.idempotencyKey = idempotencyKey;
        c.persist();
        audit.clarification(c, "CREATED", null, actor, null);
        return c;
    }

    @Transactional
    public Clarification update(UUID id, long version, ClarificationContent content, String actor) {
        Clarification c = load(id, version);
        if (!c.status.editable()) {
            throw ProblemException.conflict("A clarification in status " + c.status + " cannot be edited");
        }
        apply(c, content);
        touch(c);
        audit.clarification(c, "UPDATED", c.status, actor, null);
        return c;
    }

    @Transactional
    public Clarification submit(UUID id, long version, String actor, String reason) {
        Clarification c = load(id, version);
        ClarificationStatus from = move(c, ClarificationStatus.SUBMITTED);
        requireBasisStillValid(c);
        requireReviewDateAhead(c);
        c.submittedBy = actor;
        c.submittedAt = clock.instant();
        c.approvedBy = null;
        c.approvedAt = null;
        c.statusReason = AuditTrail.clip(reason);
        touch(c);
        audit.clarification(c, "SUBMITTED", from, actor, reason);
        events.clarification("clarification-submitted", c);
        return c;
    }

    /** Four-eyes: the approver must not be the one who submitted. */
    @Transactional
    public Clarification approve(UUID id, long version, String actor, String reason) {
        Clarification c = load(id, version);
        if (c.status != ClarificationStatus.SUBMITTED) {
            throw ProblemException.conflict("Only a SUBMITTED clarification can be approved; it is " + c.status);
        }
        if (actor.equals(c.submittedBy)) {
            throw ProblemException.forbidden("Four-eyes rule: the submitter cannot approve their own clarification");
        }
        requireBasisStillValid(c);
        requireReviewDateAhead(c);
        LocalDate today = LocalDate.now(clock);
        ClarificationStatus from = move(c, c.activeFrom.isAfter(today) ? ClarificationStatus.APPROVED
                : ClarificationStatus.ACTIVE);
        c.approvedBy = actor;
        c.approvedAt = clock.instant();
        c.statusReason = AuditTrail.clip(reason);
        touch(c);
        audit.clarification(c, "APPROVED", from, actor, reason);
        events.clarification("clarification-approved", c);
        return c;
    }

    /** Sends a submitted clarification back to its author for changes. */
    @Transactional
    public Clarification returnToDraft(UUID id, long version, String actor, String reason) {
        Clarification c = load(id, version);
        if (c.status != ClarificationStatus.SUBMITTED) {
            throw ProblemException.conflict("Only a SUBMITTED clarification can be returned; it is " + c.status);
        }
        ClarificationStatus from = move(c, ClarificationStatus.DRAFT);
        c.statusReason = AuditTrail.clip(reason);
        touch(c);
        audit.clarification(c, "RETURNED", from, actor, reason);
        return c;
    }

    @Transactional
    public Clarification suspend(UUID id, long version, String actor, String reason) {
        Clarification c = load(id, version);
        if (!c.status.inForceOrPending()) {
            throw ProblemException.conflict("Only an APPROVED or ACTIVE clarification can be suspended; it is "
                    + c.status);
        }
        suspendInternal(c, actor, reason);
        return c;
    }

    @Transactional
    public Clarification revoke(UUID id, long version, String actor, String reason) {
        Clarification c = load(id, version);
        ClarificationStatus from = move(c, ClarificationStatus.REVOKED);
        c.statusReason = AuditTrail.clip(reason);
        touch(c);
        audit.clarification(c, "REVOKED", from, actor, reason);
        events.clarification("clarification-revoked", c);
        delegations.endAllOf(c, actor, "Clarification revoked: " + reason);
        return c;
    }

    /** A retired sharing mapping takes away the basis of every clarification built on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int suspendForRetiredMapping(UUID mappingId) {
        List<Clarification> affected = Clarification.list("mappingId = ?1 and status in ?2", mappingId,
                List.of(ClarificationStatus.APPROVED, ClarificationStatus.ACTIVE));
        affected.forEach(c -> suspendInternal(c, SYSTEM_TASKS, "Sharing mapping " + mappingId + " was retired"));
        return affected.size();
    }

    /** A retired task cannot be performed under any clarification; an RHF's own task only affects that RHF. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int suspendForRetiredTask(String taskCode, String taskRhf) {
        List<Clarification> affected = new ArrayList<>(Clarification.<Clarification>list(
                "taskCode = ?1 and status in ?2", taskCode,
                List.of(ClarificationStatus.APPROVED, ClarificationStatus.ACTIVE)));
        affected.removeIf(c -> taskRhf != null && !taskRhf.equals(c.rhf));
        affected.forEach(c -> suspendInternal(c, SYSTEM_TASKS, "Task " + taskCode + " was retired"));
        return affected.size();
    }

    /** Starts an approved clarification on its start date. */
    @Transactional
    public boolean activateIfDue(UUID id, LocalDate today) {
        Clarification c = Clarification.findById(id);
        if (c == null || c.status != ClarificationStatus.APPROVED || c.activeFrom.isAfter(today)
                || c.reviewDate.isBefore(today)) {
            return false;
        }
        ClarificationStatus from = move(c, ClarificationStatus.ACTIVE);
        touch(c);
        audit.clarification(c, "ACTIVATED", from, SYSTEM_SCHEDULER, "Active from " + c.activeFrom);
        return true;
    }

    /** Review date passed: the clarification needs a new approval, and its delegations stop meanwhile. */
    @Transactional
    public boolean lapseIfDue(UUID id, LocalDate today) {
        Clarification c = Clarification.findById(id);
        if (c == null || !c.status.inForceOrPending() || !c.reviewDate.isBefore(today)) {
            return false;
        }
        ClarificationStatus from = move(c, ClarificationStatus.LAPSED);
        c.statusReason = "Review date " + c.reviewDate + " passed without re-approval";
        touch(c);
        audit.clarification(c, "LAPSED", from, SYSTEM_SCHEDULER, c.statusReason);
        events.clarification("clarification-lapsed", c);
        delegations.suspendAllOf(c, SYSTEM_SCHEDULER, "Clarification lapsed: " + c.statusReason);
        return true;
    }

    private void suspendInternal(Clarification c, String actor, String reason) {
        ClarificationStatus from = move(c, ClarificationStatus.SUSPENDED);
        c.statusReason = AuditTrail.clip(reason);
        touch(c);
        audit.clarification(c, "SUSPENDED", from, actor, reason);
        events.clarification("clarification-suspended", c);
        delegations.suspendAllOf(c, actor, "Clarification suspended: " + reason);
    }

    private Clarification load(UUID id, long version) {
        Clarification c = Clarification.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Clarification", id);
        }
        if (c.version != version) {
            throw ProblemException.staleVersion(version, c.version);
        }
        return c;
    }

    private ClarificationStatus move(Clarification c, ClarificationStatus target) {
        ClarificationStatus from = c.status;
        if (!from.canMoveTo(target)) {
            throw ProblemException.conflict("A clarification cannot go from " + from + " to " + target);
        }
        c.status = target;
        return from;
    }

    private void touch(Clarification c) {
        c.updatedAt = clock.instant();
    }

    private void requireReviewDateAhead(Clarification c) {
        if (c.reviewDate.isBefore(LocalDate.now(clock))) {
            throw ProblemException.rule("The review date " + c.reviewDate + " has passed; set a new review date first",
                    List.of(new Problem.Violation("reviewDate", "must not be in the past")));
        }
    }

    /** The mapping or task the clarification rests on must still be in force. */
    private void requireBasisStillValid(Clarification c) {
        if (c.mappingId != null) {
            SharingMappingView mapping = SharingMappingView.findById(c.mappingId);
            if (mapping == null || !SharingMappingView.APPROVED.equals(mapping.status)) {
                throw ProblemException.rule("Sharing mapping " + c.mappingId + " is not approved"
                                + (mapping == null ? "" : " (it is " + mapping.status + ")"),
                        List.of(new Problem.Violation("mappingId", "must name an APPROVED sharing mapping")));
            }
        }
        TaskView task = TaskView.findById(c.taskCode);
        if (task == null || !TaskView.ACTIVE.equals(task.status)) {
            throw ProblemException.rule("Task " + c.taskCode + " is not an active task",
                    List.of(new Problem.Violation("taskCode", "must name an ACTIVE task")));
        }
    }

    /** Resolves the task and groups from the mapping (or task) and checks the RACI rule. */
    private void apply(Clarification c, ClarificationContent content) {
        List<Problem.Violation> violations = new ArrayList<>();
        String taskCode = content.taskCode();
        String delegatingGroup = content.delegatingGroup();
        String performingGroup = content.performingGroup();
        if (content.mappingId() != null) {
            SharingMappingView mapping = SharingMappingView.findById(content.mappingId());
            if (mapping == null || !mapping.rhf.equals(c.rhf)) {
                throw ProblemException.rule("Sharing mapping " + content.mappingId() + " is not known",
                        List.of(new Problem.Violation("mappingId", "unknown sharing mapping")));
            }
            if (!SharingMappingView.APPROVED.equals(mapping.status)) {
                violations.add(new Problem.Violation("mappingId", "sharing mapping is " + mapping.status
                        + "; only an APPROVED mapping can be clarified"));
            }
            if (taskCode != null && !taskCode.equals(mapping.taskCode)) {
                violations.add(new Problem.Violation("taskCode", "the mapping is for task " + mapping.taskCode));
            }
            if (delegatingGroup != null && !delegatingGroup.equals(mapping.fromGroup)) {
                violations.add(new Problem.Violation("delegatingGroup", "the mapping moves the task from "
                        + mapping.fromGroup));
            }
            if (performingGroup != null && !performingGroup.equals(mapping.toGroup)) {
                violations.add(new Problem.Violation("performingGroup", "the mapping moves the task to "
                        + mapping.toGroup));
            }
            taskCode = mapping.taskCode;
            delegatingGroup = mapping.fromGroup;
            performingGroup = mapping.toGroup;
        }
        TaskView task = TaskView.findById(taskCode);
        if (task == null || !task.usableBy(c.rhf)) {
            violations.add(new Problem.Violation("taskCode", "unknown task " + taskCode));
        } else if (!TaskView.ACTIVE.equals(task.status)) {
            violations.add(new Problem.Violation("taskCode", "task is " + task.status));
        }
        if (delegatingGroup == null) {
            violations.add(new Problem.Violation("delegatingGroup", "is required when no mapping is named"));
        }
        if (performingGroup == null) {
            violations.add(new Problem.Violation("performingGroup", "is required when no mapping is named"));
        }
        long accountable = content.parties().stream().filter(p -> p.raci == Raci.ACCOUNTABLE).count();
        long responsible = content.parties().stream().filter(p -> p.raci == Raci.RESPONSIBLE).count();
        if (accountable != 1) {
            violations.add(new Problem.Violation("parties", "exactly one ACCOUNTABLE party is required, found "
                    + accountable));
        }
        if (responsible < 1) {
            violations.add(new Problem.Violation("parties", "at least one RESPONSIBLE party is required"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.rule("The clarification breaks " + violations.size() + " rule(s)", violations);
        }
        c.hf = content.hf();
        c.unit = content.unit();
        c.mappingId = content.mappingId();
        c.taskCode = taskCode;
        c.delegatingGroup = delegatingGroup;
        c.performingGroup = performingGroup;
        c.supervisorRole = content.supervisorRole();
        c.legalBasis = content.legalBasis();
        c.riskAssessment = content.riskAssessment();
        c.conditions = content.conditions();
        c.activeFrom = content.activeFrom();
        c.reviewDate = content.reviewDate();
        c.parties.clear();
        content.parties().forEach(p -> c.parties.add(new RaciParty(p.raci, p.party)));
    }
}
