package no.torn.responsibility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.rules.RuleCheck;
import no.torn.platform.time.Today;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.ClarificationContent;
import no.torn.responsibility.domain.ClarificationStatus;
import no.torn.responsibility.domain.Raci;
import no.torn.responsibility.domain.RaciParty;
import no.torn.responsibility.domain.ResponsibilityRules;
import no.torn.responsibility.domain.SharingMappingView;
import no.torn.responsibility.domain.TaskView;
import no.torn.responsibility.messaging.ResponsibilityEvents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Commands on responsibility clarifications. Each runs in one transaction: load and visibility (a foreign
 * clarification is a 404), the leader rule, the version check, the rules, the transition, the audit line and the
 * outbox event. The lapse job runs the clock-driven ones with a system actor.
 */
@ApplicationScoped
public class Clarifications {

    static final String AUDIT_TYPE = "CLARIFICATION";

    /** What the audit trail keeps of a clarification before and after a change. */
    public record State(String status, String hf, String unit, String taskCode, UUID mappingId,
                        String delegatingGroup, String performingGroup, String supervisorRole,
                        LocalDate activeFrom, LocalDate reviewDate, String statusReason, UUID appliedMappingId,
                        List<String> requiredCompetences) {
        static State of(Clarification c) {
            return new State(c.status.name(), c.hf, c.unit, c.taskCode, c.mappingId, c.delegatingGroup,
                    c.performingGroup, c.supervisorRole, c.activeFrom, c.reviewDate, c.statusReason,
                    c.appliedMappingId, List.copyOf(c.requiredCompetences));
        }
    }

    @Inject
    Today today;

    @Inject
    AuditTrail audit;

    @Inject
    Idempotency idempotency;

    @Inject
    ResponsibilityEvents events;

    @Inject
    DelegationSuspension delegations;

    /** One clarification, when the actor may see it. */
    @Transactional
    public Clarification get(Actor actor, UUID id) {
        return visible(actor, id);
    }

    @Transactional
    public Clarification create(Actor actor, ClarificationContent content, String idempotencyKey) {
        String rhf = actor.homeRhf();
        Access.requireLeaderOf(actor, rhf, content.hf());
        UUID id = idempotency.once(actor, idempotencyKey, "responsibility.create-clarification", content,
                UUID.class, () -> {
                    Clarification c = new Clarification();
                    c.id = UUID.randomUUID();
                    c.rhf = rhf;
                    apply(c, content);
                    c.status = ClarificationStatus.DRAFT;
                    c.createdBy = actor.id();
                    c.createdAt = today.now();
                    c.updatedAt = c.createdAt;
                    c.persist();
                    audit.record(actor, audited(c), "CREATED", null, State.of(c), null);
                    return c.id;
                });
        return Clarification.findById(id);
    }

    @Transactional
    public Clarification update(Actor actor, UUID id, Long version, ClarificationContent content) {
        Clarification c = forLeader(actor, id, version);
        Access.requireLeaderOf(actor, c.rhf, content.hf());
        if (!c.status.editable()) {
            throw ProblemException.conflict("A clarification in status " + c.status + " cannot be edited");
        }
        State before = State.of(c);
        apply(c, content);
        c.updatedAt = today.now();
        audit.record(actor, audited(c), "UPDATED", before, State.of(c), null);
        return c;
    }

    @Transactional
    public Clarification submit(Actor actor, UUID id, Long version, String reason) {
        Clarification c = forLeader(actor, id, version);
        ClarificationStatus to = Transitions.move(c.status, ClarificationStatus.SUBMITTED, what(c));
        State before = State.of(c);
        requireSharingAllowed(c, reviewDateAhead(c));
        c.submittedBy = actor.id();
        c.submittedAt = today.now();
        c.approvedBy = null;
        c.approvedAt = null;
        move(actor, c, to, "SUBMITTED", reason, "clarification-submitted", before);
        return c;
    }

    /** Four-eyes: the approver must not be the one who submitted. */
    @Transactional
    public Clarification approve(Actor actor, UUID id, Long version, String reason) {
        Clarification c = forLeader(actor, id, version);
        // APPROVED → ACTIVE is the start date's move, not an approval: only a submitted clarification is approved.
        if (c.status != ClarificationStatus.SUBMITTED) {
            throw ProblemException.conflict("Only a SUBMITTED clarification can be approved; it is " + c.status);
        }
        // Four-eyes, the review date and the sharing decision are refused together, each with its code.
        RuleCheck check = RuleCheck.of()
                .require(!actor.id().equals(c.submittedBy), ResponsibilityRules.FOUR_EYES, "approvedBy",
                        "Four-eyes rule: the submitter cannot approve their own clarification")
                .addAll(reviewDateAhead(c).unmet());
        State before = State.of(c);
        requireSharingAllowed(c, check);
        c.approvedBy = actor.id();
        c.approvedAt = today.now();
        move(actor, c, c.activeFrom.isAfter(today.date()) ? ClarificationStatus.APPROVED
                : ClarificationStatus.ACTIVE, "APPROVED", reason, "clarification-approved", before);
        return c;
    }

    /** Sends a submitted clarification back to its author for changes. */
    @Transactional
    public Clarification returnToDraft(Actor actor, UUID id, Long version, String reason) {
        Clarification c = forLeader(actor, id, version);
        requireReason(reason);
        move(actor, c, ClarificationStatus.DRAFT, "RETURNED", reason, null);
        return c;
    }

    @Transactional
    public Clarification suspend(Actor actor, UUID id, Long version, String reason) {
        Clarification c = forLeader(actor, id, version);
        requireReason(reason);
        suspendNow(actor, c, reason);
        return c;
    }

    @Transactional
    public Clarification revoke(Actor actor, UUID id, Long version, String reason) {
        Clarification c = forLeader(actor, id, version);
        requireReason(reason);
        move(actor, c, ClarificationStatus.REVOKED, "REVOKED", reason, "clarification-revoked");
        delegations.endAllOf(actor, c, "Clarification revoked: " + reason);
        return c;
    }

    /** Starts an approved clarification on its start date. */
    @Transactional
    public boolean activateIfDue(Actor actor, UUID id) {
        LocalDate day = today.date();
        Clarification c = Clarification.findById(id);
        if (c == null || c.status != ClarificationStatus.APPROVED || c.activeFrom.isAfter(day)
                || c.reviewDate.isBefore(day)) {
            return false;
        }
        move(actor, c, ClarificationStatus.ACTIVE, "ACTIVATED", "Active from " + c.activeFrom, null);
        return true;
    }

    /** Review date passed: the clarification needs a new approval, and its delegations stop meanwhile. */
    @Transactional
    public boolean lapseIfDue(Actor actor, UUID id) {
        Clarification c = Clarification.findById(id);
        if (c == null || !c.status.inForceOrPending() || !c.reviewDate.isBefore(today.date())) {
            return false;
        }
        String reason = "Review date " + c.reviewDate + " passed without re-approval";
        move(actor, c, ClarificationStatus.LAPSED, "LAPSED", reason, "clarification-lapsed");
        delegations.suspendAllOf(actor, c, "Clarification lapsed: " + reason);
        return true;
    }

    /** Suspends a clarification and its active delegations, in the caller's transaction (commands and consumers). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspendNow(Actor actor, Clarification c, String reason) {
        move(actor, c, ClarificationStatus.SUSPENDED, "SUSPENDED", reason, "clarification-suspended");
        delegations.suspendAllOf(actor, c, "Clarification suspended: " + reason);
    }

    /** The transition with its reason, the audit line (state before and after) and, when named, the event. */
    private void move(Actor actor, Clarification c, ClarificationStatus to, String action, String reason,
                      String event) {
        move(actor, c, to, action, reason, event, State.of(c));
    }

    private void move(Actor actor, Clarification c, ClarificationStatus to, String action, String reason,
                      String event, State before) {
        c.status = Transitions.move(c.status, to, what(c));
        c.statusReason = AuditTrail.clip(reason);
        c.updatedAt = today.now();
        audit.record(actor, audited(c), action, before, State.of(c), reason);
        if (event != null) {
            events.clarification(event, c);
        }
    }

    /** The start of a leader's command: visible (else 404), a leader of its HF (else 403), the version read. */
    private static Clarification forLeader(Actor actor, UUID id, Long version) {
        Clarification c = visible(actor, id);
        Access.requireLeaderOf(actor, c.rhf, c.hf);
        Versions.require(c.version, version);
        return c;
    }

    private static Clarification visible(Actor actor, UUID id) {
        Clarification c = Clarification.findById(id);
        return actor.visible(c, c == null ? null : c.rhf, "Clarification", id);
    }

    static Audited audited(Clarification c) {
        return new Audited(AUDIT_TYPE, c.id, c.rhf, c.hf);
    }

    private static String what(Clarification c) {
        return "Clarification " + c.id;
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "must not be blank");
        }
    }

    private RuleCheck reviewDateAhead(Clarification c) {
        return RuleCheck.of().require(!c.reviewDate.isBefore(today.date()), ResponsibilityRules.REVIEW_DATE_AHEAD,
                "reviewDate", "the review date " + c.reviewDate + " has passed; set a new review date first");
    }

    /**
     * The sharing decision for the performing group, taken again on every submission and approval: the task and
     * mapping may have changed since the draft. Records the applied mapping and what it requires.
     */
    private static void requireSharingAllowed(Clarification c, RuleCheck check) {
        TaskView task = TaskView.findById(c.taskCode);
        if (task == null) {
            throw ProblemException.rule("Task " + c.taskCode + " is not known",
                    List.of(new Problem.Violation("taskCode", "unknown task " + c.taskCode)));
        }
        SharingDecisions.requireAndApply(c, task, check);
    }

    /**
     * Resolves the task and groups from the mapping (or task), checks the RACI rule and then the sharing decision
     * for the performing group (a clarification naming only the task is held to the RHF's mappings to that group).
     */
    private static void apply(Clarification c, ClarificationContent content) {
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
        }
        if (delegatingGroup == null) {
            violations.add(new Problem.Violation("delegatingGroup", "is required when no mapping is named"));
        }
        if (performingGroup == null) {
            violations.add(new Problem.Violation("performingGroup", "is required when no mapping is named"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.rule("The clarification breaks " + violations.size() + " rule(s)", violations);
        }
        long accountable = content.parties().stream().filter(p -> p.raci == Raci.ACCOUNTABLE).count();
        long responsible = content.parties().stream().filter(p -> p.raci == Raci.RESPONSIBLE).count();
        RuleCheck.of()
                .require(accountable == 1, ResponsibilityRules.ONE_ACCOUNTABLE, "parties",
                        "exactly one ACCOUNTABLE party is required, found " + accountable)
                .require(responsible >= 1, ResponsibilityRules.A_RESPONSIBLE, "parties",
                        "at least one RESPONSIBLE party is required")
                .orThrow();
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
        // Soundness after shape: whether the performing group may perform the task at all (R-SHARE-xx).
        SharingDecisions.requireAndApply(c, task);
    }
}
