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
import no.torn.responsibility.domain.CompetenceCheck;
import no.torn.responsibility.domain.CompetenceRecordView;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import no.torn.responsibility.domain.EmployeeView;
import no.torn.responsibility.domain.Locks;
import no.torn.responsibility.domain.ResponsibilityRules;
import no.torn.responsibility.domain.SharingDecision;
import no.torn.responsibility.messaging.ResponsibilityEvents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Commands on §5 delegations, each one transaction: load and visibility (foreign → 404), the leader or employee
 * rule, the version check, the rules (in force, eligible, competent on the Norwegian day), idempotency on create,
 * the transition, the audit line and the outbox event. Automatic suspensions and ends use the same transitions
 * ({@link #suspendNow}, {@link #endNow}).
 */
@ApplicationScoped
public class Delegations {

    static final String AUDIT_TYPE = "DELEGATION";

    /** What a new delegation names; checked against the read models here. */
    public record NewDelegation(UUID clarificationId, UUID employeeId, String delegator, String supervisor,
                                LocalDate validFrom, LocalDate validTo) {
    }

    /** What the audit trail keeps of a delegation before and after a change. */
    public record State(String status, UUID employeeId, UUID clarificationId, String taskCode, LocalDate validFrom,
                        LocalDate validTo, List<String> requiredCompetences, String competenceCode,
                        String statusReason) {
        static State of(Delegation d) {
            return new State(d.status.name(), d.employeeId, d.clarificationId, d.taskCode, d.validFrom, d.validTo,
                    List.copyOf(d.requiredCompetences), d.competenceCode, d.statusReason);
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
    Locks locks;

    /** One delegation: the whole RHF for leaders, HR and auditors; an employee only their own. */
    @Transactional
    public Delegation get(Actor actor, UUID id) {
        Delegation d = visible(actor, id);
        if (!Access.readsEveryDelegation(actor) && !Access.isSelf(actor, EmployeeView.findById(d.employeeId))) {
            throw ProblemException.notFound("Delegation", id);
        }
        return d;
    }

    @Transactional
    public Delegation create(Actor actor, NewDelegation request, String idempotencyKey) {
        Clarification c = Clarification.findById(request.clarificationId());
        actor.visible(c, c == null ? null : c.rhf, "Clarification", request.clarificationId());
        Access.requireLeaderOf(actor, c.rhf, c.hf);
        UUID id = idempotency.once(actor, idempotencyKey, "responsibility.create-delegation", request, UUID.class,
                () -> delegate(actor, c, request).id);
        return Delegation.findById(id);
    }

    /** The employee's own statement that they consider themselves competent: the delegation becomes active. */
    @Transactional
    public Delegation confirm(Actor actor, UUID id, Long version) {
        Delegation d = visible(actor, id);
        if (!Access.isSelf(actor, EmployeeView.findById(d.employeeId))) {
            throw ProblemException.forbidden("Only the employee the task is delegated to can confirm it");
        }
        Versions.require(d.version, version);
        // SUSPENDED → ACTIVE is a leader's re-confirmation; the employee confirms only a new delegation.
        if (d.status != DelegationStatus.CREATED) {
            throw ProblemException.conflict("Only a CREATED delegation awaits confirmation; it is " + d.status);
        }
        activate(actor, d, "Employee confirmed own competence", "CONFIRMED");
        // Only after activate's checks: their queries flush pending changes, which would count as a version of its own.
        d.confirmedAt = today.now();
        d.confirmedBy = actor.id();
        return d;
    }

    /** A unit leader puts a suspended delegation back in force, once the competences are valid again. */
    @Transactional
    public Delegation reconfirm(Actor actor, UUID id, Long version, String reason) {
        Delegation d = forLeader(actor, id, version);
        Clarifications.requireReason(reason);
        if (d.status != DelegationStatus.SUSPENDED) {
            throw ProblemException.conflict("Only a SUSPENDED delegation can be re-confirmed; it is " + d.status);
        }
        activate(actor, d, reason, "RECONFIRMED");
        return d;
    }

    @Transactional
    public Delegation suspend(Actor actor, UUID id, Long version, String reason) {
        Delegation d = forLeader(actor, id, version);
        Clarifications.requireReason(reason);
        suspendNow(actor, d, reason, null);
        return d;
    }

    @Transactional
    public Delegation end(Actor actor, UUID id, Long version, String reason) {
        Delegation d = forLeader(actor, id, version);
        Clarifications.requireReason(reason);
        endNow(actor, d, reason);
        return d;
    }

    /** Ends a delegation whose valid-to date has passed (the lapse job). */
    @Transactional
    public boolean endIfExpired(Actor actor, UUID id) {
        Delegation d = Delegation.findById(id);
        if (d == null || !DelegationStatus.OPEN.contains(d.status) || d.validTo == null
                || !d.validTo.isBefore(today.date())) {
            return false;
        }
        endNow(actor, d, "Valid until " + d.validTo);
        return true;
    }

    /** Suspends a delegation, in the caller's transaction; {@code competenceCode} names a lost competence. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspendNow(Actor actor, Delegation d, String reason, String competenceCode) {
        move(actor, d, DelegationStatus.SUSPENDED, "SUSPENDED", reason, competenceCode, "delegation-suspended");
    }

    /** Ends a delegation for good, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endNow(Actor actor, Delegation d, String reason) {
        move(actor, d, DelegationStatus.ENDED, "ENDED", reason, null, "delegation-ended");
    }

    /** The transition with its reason, the audit line (state before and after) and the event. */
    private void move(Actor actor, Delegation d, DelegationStatus to, String action, String reason,
                      String competenceCode, String event) {
        move(actor, d, to, action, reason, competenceCode, event, State.of(d));
    }

    private void move(Actor actor, Delegation d, DelegationStatus to, String action, String reason,
                      String competenceCode, String event, State before) {
        d.status = Transitions.move(d.status, to, what(d));
        d.statusReason = AuditTrail.clip(reason);
        d.competenceCode = competenceCode;
        d.updatedAt = today.now();
        audit.record(actor, audited(d), action, before, State.of(d), reason);
        events.delegation(event, d);
    }

    private Delegation delegate(Actor actor, Clarification c, NewDelegation request) {
        LocalDate day = today.date();
        locks.employee(request.employeeId());
        EmployeeView employee = EmployeeView.findById(request.employeeId());
        if (employee == null || !employee.rhf.equals(c.rhf)) {
            throw ProblemException.rule("Employee " + request.employeeId() + " is not known",
                    List.of(new Problem.Violation("employeeId", "unknown employee")));
        }
        // Every soundness rule is evaluated, so one refusal names all that are unmet.
        RuleCheck check = RuleCheck.of().require(c.inForceOn(day), ResponsibilityRules.CLARIFICATION_IN_FORCE,
                "clarificationId", "clarification " + c.id + " is not in force (status " + c.status
                        + ", active from " + c.activeFrom + ", review date " + c.reviewDate + ")");
        eligible(check, employee, c);
        List<String> required = sharingAllowed(check, employee, c, day);
        check.orThrow();
        if (Delegation.count("clarificationId = ?1 and employeeId = ?2 and status in ?3", c.id, employee.employeeId,
                DelegationStatus.OPEN) > 0) {
            throw ProblemException.conflict("Employee " + employee.employeeId
                    + " already has an open delegation under clarification " + c.id);
        }

        Delegation d = new Delegation();
        d.id = UUID.randomUUID();
        d.rhf = c.rhf;
        d.hf = c.hf;
        d.unit = c.unit;
        d.clarificationId = c.id;
        d.taskCode = c.taskCode;
        d.employeeId = employee.employeeId;
        d.delegator = request.delegator();
        d.supervisor = request.supervisor();
        d.validFrom = request.validFrom();
        d.validTo = request.validTo();
        d.requiredCompetences = new ArrayList<>(required);
        d.status = DelegationStatus.CREATED;
        d.createdBy = actor.id();
        d.createdAt = today.now();
        d.updatedAt = d.createdAt;
        d.persist();
        audit.record(actor, audited(d), "CREATED", null, State.of(d), null);
        events.delegation("delegation-created", d);
        return d;
    }

    private void activate(Actor actor, Delegation d, String reason, String action) {
        LocalDate day = today.date();
        Clarification c = Clarification.findById(d.clarificationId);
        locks.employee(d.employeeId);
        EmployeeView employee = EmployeeView.findById(d.employeeId);
        if (c == null || employee == null) {
            throw ProblemException.rule(c == null ? "Clarification " + d.clarificationId + " is not known"
                    : "Employee " + d.employeeId + " is not known");
        }
        RuleCheck check = RuleCheck.of()
                .require(c.inForceOn(day), ResponsibilityRules.CLARIFICATION_IN_FORCE, "clarificationId",
                        "the clarification of this delegation is not in force (status " + c.status + ")")
                .require(d.validTo == null || !d.validTo.isBefore(day), ResponsibilityRules.WITHIN_PERIOD,
                        "validTo", "the delegation was valid until " + d.validTo);
        eligible(check, employee, c);
        List<String> required = sharingAllowed(check, employee, c, day);
        check.orThrow();
        // What it relies on now is what was just checked.
        State before = State.of(d);
        d.requiredCompetences = new ArrayList<>(required);
        move(actor, d, DelegationStatus.ACTIVE, action, reason, null, "delegation-activated", before);
    }

    private static void eligible(RuleCheck check, EmployeeView employee, Clarification c) {
        check.require(employee.isActive(), ResponsibilityRules.EMPLOYEE_ACTIVE, "employeeId",
                        "employee is " + employee.status)
                .require(c.hf.equals(employee.hf) && c.unit.equals(employee.unit),
                        ResponsibilityRules.EMPLOYEE_IN_UNIT, "employeeId",
                        "employee does not work in " + c.hf + "/" + c.unit)
                .require(c.performingGroup == null || c.performingGroup.equals(employee.personnelGroup),
                        ResponsibilityRules.EMPLOYEE_IN_GROUP, "employeeId",
                        "employee is not in the performing group " + c.performingGroup);
    }

    /**
     * The sharing decision for the employee's group with the competences they hold validly on the day (implied codes
     * included); its unmet rules join {@code check}. Returns what the delegation relies on: the task's competences
     * and the applied mapping's extra ones.
     */
    private static List<String> sharingAllowed(RuleCheck check, EmployeeView employee, Clarification c,
                                               LocalDate day) {
        List<CompetenceCheck.Held> held = CompetenceRecordView.ofEmployee(employee.employeeId).stream()
                .map(CompetenceRecordView::held).toList();
        SharingDecision.Result result = SharingDecisions.forPerson(c, employee.personnelGroup,
                CompetenceCheck.validCodes(held, day), check);
        return result == null ? List.of() : result.required();
    }

    /** The start of a leader's command: visible (else 404), a leader of its HF (else 403), the version read. */
    private static Delegation forLeader(Actor actor, UUID id, Long version) {
        Delegation d = visible(actor, id);
        Access.requireLeaderOf(actor, d.rhf, d.hf);
        Versions.require(d.version, version);
        return d;
    }

    private static Delegation visible(Actor actor, UUID id) {
        Delegation d = Delegation.findById(id);
        return actor.visible(d, d == null ? null : d.rhf, "Delegation", id);
    }

    private static Audited audited(Delegation d) {
        return new Audited(AUDIT_TYPE, d.id, d.rhf, d.hf);
    }

    private static String what(Delegation d) {
        return "Delegation " + d.id;
    }
}
