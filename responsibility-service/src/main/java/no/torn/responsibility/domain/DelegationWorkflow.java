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

/**
 * Commands on §5 delegations. The competence check compares what the task (through its mapping) requires with the
 * employee's valid competences in the local read model; implied competences count.
 */
@ApplicationScoped
public class DelegationWorkflow {

    public static final String SYSTEM_COMPETENCE = "system:competence-events";
    public static final String SYSTEM_SCHEDULER = "system:valid-to";

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ResponsibilityEvents events;

    @Inject
    Locks locks;

    /** What a new delegation names; checked against the read models here. */
    public record Draft(UUID employeeId, String delegator, String supervisor, LocalDate validFrom, LocalDate validTo) {
    }

    @Transactional
    public Delegation create(Clarification c, Draft draft, String actor, String idempotencyKey) {
        LocalDate today = LocalDate.now(clock);
        if (!c.inForceOn(today)) {
            throw ProblemException.rule("Clarification " + c.id + " is not in force (status " + c.status
                    + ", active from " + c.activeFrom + ", review date " + c.reviewDate + ")");
        }
        locks.employee(draft.employeeId());
        EmployeeView employee = EmployeeView.findById(draft.employeeId());
        if (employee == null || !employee.rhf.equals(c.rhf)) {
            throw ProblemException.rule("Employee " + draft.employeeId() + " is not known",
                    List.of(new Problem.Violation("employeeId", "unknown employee")));
        }
        requireEligible(employee, c);
        if (Delegation.count("clarificationId = ?1 and employeeId = ?2 and status in ?3", c.id, employee.employeeId,
                DelegationStatus.OPEN) > 0) {
            throw ProblemException.conflict("Employee " + employee.employeeId
                    + " already has an open delegation under clarification " + c.id);
        }
        List<String> required = requiredCompetences(c);
        requireCompetent(employee.employeeId, required, today);

        Delegation d = new Delegation();
        d.id = UUID.randomUUID();
        d.rhf = c.rhf;
        d.hf = c.hf;
        d.unit = c.unit;
        d.clarificationId = c.id;
        d.taskCode = c.taskCode;
        d.employeeId = employee.employeeId;
        d.delegator = draft.delegator();
        d.supervisor = draft.supervisor();
        d.validFrom = draft.validFrom();
        d.validTo = draft.validTo();
        d.requiredCompetences = new ArrayList<>(required);
        d.status = DelegationStatus.CREATED;
        d.createdBy = actor;
        d.createdAt = clock.instant();
        d.updatedAt = d.createdAt;
        d.idempotencyKey = idempotencyKey;
        d.persist();
        audit.delegation(d, "CREATED", null, actor, null);
        events.delegation("delegation-created", d);
        return d;
    }

    /** The employee's own statement that they consider themselves competent: the delegation becomes active. */
    @Transactional
    public Delegation confirm(UUID id, long version, String actor) {
        Delegation d = load(id, version);
        if (d.status != DelegationStatus.CREATED) {
            throw ProblemException.conflict("Only a CREATED delegation awaits confirmation; it is " + d.status);
        }
        activate(d, actor, "Employee confirmed own competence", "CONFIRMED");
        d.confirmedAt = clock.instant();
        d.confirmedBy = actor;
        return d;
    }

    /** A unit leader puts a suspended delegation back in force, once the competences are valid again. */
    @Transactional
    public Delegation reconfirm(UUID id, long version, String actor, String reason) {
        Delegation d = load(id, version);
        if (d.status != DelegationStatus.SUSPENDED) {
            throw ProblemException.conflict("Only a SUSPENDED delegation can be re-confirmed; it is " + d.status);
        }
        activate(d, actor, reason, "RECONFIRMED");
        return d;
    }

    @Transactional
    public Delegation suspend(UUID id, long version, String actor, String reason) {
        Delegation d = load(id, version);
        if (d.status != DelegationStatus.ACTIVE) {
            throw ProblemException.conflict("Only an ACTIVE delegation can be suspended; it is " + d.status);
        }
        suspendInternal(d, actor, reason, null);
        return d;
    }

    @Transactional
    public Delegation end(UUID id, long version, String actor, String reason) {
        Delegation d = load(id, version);
        if (!d.status.canMoveTo(DelegationStatus.ENDED)) {
            throw ProblemException.conflict("The delegation has already ended");
        }
        endInternal(d, actor, reason);
        return d;
    }

    /**
     * After a competence record of the employee changed: every active delegation whose relied-on competences are no
     * longer all valid is suspended, naming the competence that caused it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reviewCompetences(UUID employeeId, CompetenceRecordView changed, String cause) {
        locks.employee(employeeId);
        List<Delegation> active = Delegation.activeOfEmployee(employeeId);
        if (active.isEmpty()) {
            return 0;
        }
        List<CompetenceCheck.Held> held = CompetenceRecordView.ofEmployee(employeeId).stream()
                .map(CompetenceRecordView::held).toList();
        LocalDate today = LocalDate.now(clock);
        int suspended = 0;
        for (Delegation d : active) {
            List<String> missing = CompetenceCheck.missing(d.requiredCompetences, held, today);
            if (missing.isEmpty()) {
                continue;
            }
            String code = causingCode(missing, changed);
            suspendInternal(d, SYSTEM_COMPETENCE, cause, code);
            suspended++;
        }
        return suspended;
    }

    /** The employee moved or left: delegations bound to the old unit stop. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewEmployment(EmployeeView employee) {
        locks.employee(employee.employeeId);
        List<Delegation> open = Delegation.list("employeeId = ?1 and status in ?2", employee.employeeId,
                DelegationStatus.OPEN);
        for (Delegation d : open) {
            if (!employee.isActive()) {
                endInternal(d, SYSTEM_COMPETENCE, "Employee left the organisation");
            } else if (d.status == DelegationStatus.ACTIVE
                    && (!d.hf.equals(employee.hf) || !d.unit.equals(employee.unit))) {
                suspendInternal(d, SYSTEM_COMPETENCE, "Employee moved to another unit", null);
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void suspendAllOf(Clarification c, String actor, String reason) {
        Delegation.<Delegation>list("clarificationId = ?1 and status = ?2", c.id, DelegationStatus.ACTIVE)
                .forEach(d -> suspendInternal(d, actor, reason, null));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void endAllOf(Clarification c, String actor, String reason) {
        Delegation.<Delegation>list("clarificationId = ?1 and status in ?2", c.id, DelegationStatus.OPEN)
                .forEach(d -> endInternal(d, actor, reason));
    }

    /** Ends a delegation whose valid-to date has passed. */
    @Transactional
    public boolean endIfExpired(UUID id, LocalDate today) {
        Delegation d = Delegation.findById(id);
        if (d == null || !DelegationStatus.OPEN.contains(d.status) || d.validTo == null
                || !d.validTo.isBefore(today)) {
            return false;
        }
        endInternal(d, SYSTEM_SCHEDULER, "Valid until " + d.validTo);
        return true;
    }

    /** What the delegation has to rely on: the mapping's requirements, or the task's when there is no mapping. */
    public List<String> requiredCompetences(Clarification c) {
        if (c.mappingId != null) {
            SharingMappingView mapping = SharingMappingView.findById(c.mappingId);
            if (mapping != null) {
                return List.copyOf(mapping.requiredCompetences);
            }
        }
        TaskView task = TaskView.findById(c.taskCode);
        return task == null ? List.of() : List.copyOf(task.requiredCompetences);
    }

    private void activate(Delegation d, String actor, String reason, String action) {
        LocalDate today = LocalDate.now(clock);
        Clarification c = Clarification.findById(d.clarificationId);
        if (c == null || !c.inForceOn(today)) {
            throw ProblemException.rule("The clarification of this delegation is not in force"
                    + (c == null ? "" : " (status " + c.status + ")"));
        }
        if (d.validTo != null && d.validTo.isBefore(today)) {
            throw ProblemException.rule("The delegation was valid until " + d.validTo);
        }
        locks.employee(d.employeeId);
        EmployeeView employee = EmployeeView.findById(d.employeeId);
        if (employee == null) {
            throw ProblemException.rule("Employee " + d.employeeId + " is not known");
        }
        requireEligible(employee, c);
        List<String> required = requiredCompetences(c);
        requireCompetent(d.employeeId, required, today);
        DelegationStatus from = d.status;
        d.status = DelegationStatus.ACTIVE;
        d.requiredCompetences = new ArrayList<>(required);
        d.statusReason = AuditTrail.clip(reason);
        d.competenceCode = null;
        d.updatedAt = clock.instant();
        audit.delegation(d, action, from, actor, reason);
        events.delegation("delegation-activated", d);
    }

    private void requireEligible(EmployeeView employee, Clarification c) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!employee.isActive()) {
            violations.add(new Problem.Violation("employeeId", "employee is " + employee.status));
        }
        if (!c.hf.equals(employee.hf) || !c.unit.equals(employee.unit)) {
            violations.add(new Problem.Violation("employeeId", "employee does not work in " + c.hf + "/" + c.unit));
        }
        if (c.performingGroup != null && !c.performingGroup.equals(employee.personnelGroup)) {
            violations.add(new Problem.Violation("employeeId", "employee is not in the performing group "
                    + c.performingGroup));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.rule("The employee cannot receive this delegation", violations);
        }
    }

    private void requireCompetent(UUID employeeId, List<String> required, LocalDate today) {
        List<CompetenceCheck.Held> held = CompetenceRecordView.ofEmployee(employeeId).stream()
                .map(CompetenceRecordView::held).toList();
        List<String> missing = CompetenceCheck.missing(required, held, today);
        if (!missing.isEmpty()) {
            throw ProblemException.rule("The employee lacks " + missing.size() + " required competence(s)",
                    missing.stream().map(code -> new Problem.Violation("requiredCompetences",
                            code + ": no valid competence record")).toList());
        }
    }

    private void suspendInternal(Delegation d, String actor, String reason, String competenceCode) {
        DelegationStatus from = d.status;
        d.status = DelegationStatus.SUSPENDED;
        d.statusReason = AuditTrail.clip(reason);
        d.competenceCode = competenceCode;
        d.updatedAt = clock.instant();
        audit.delegation(d, "SUSPENDED", from, actor, reason);
        events.delegation("delegation-suspended", d);
    }

    private void endInternal(Delegation d, String actor, String reason) {
        DelegationStatus from = d.status;
        d.status = DelegationStatus.ENDED;
        d.statusReason = AuditTrail.clip(reason);
        d.competenceCode = null;
        d.updatedAt = clock.instant();
        audit.delegation(d, "ENDED", from, actor, reason);
        events.delegation("delegation-ended", d);
    }

    private Delegation load(UUID id, long version) {
        Delegation d = Delegation.findById(id);
        if (d == null) {
            throw ProblemException.notFound("Delegation", id);
        }
        if (d.version != version) {
            throw ProblemException.staleVersion(version, d.version);
        }
        return d;
    }

    /** Prefer the changed record's own code, then a code it implied, then the first missing one. */
    private static String causingCode(List<String> missing, CompetenceRecordView changed) {
        if (changed != null) {
            if (missing.contains(changed.competenceCode)) {
                return changed.competenceCode;
            }
            for (String implied : changed.impliedCodes) {
                if (missing.contains(implied)) {
                    return implied;
                }
            }
        }
        return missing.get(0);
    }
}
