package no.torn.responsibility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.time.Today;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import no.torn.responsibility.domain.EmployeeView;
import no.torn.responsibility.domain.Raci;
import no.torn.responsibility.domain.TaskView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** "What may employee E do, and under whose responsibility": the employee's open delegations with their basis. */
@ApplicationScoped
public class Authorisations {

    static final String AUDIT_TYPE = "EMPLOYEE";

    public record Authorisation(UUID delegationId, String status, boolean inEffect, String taskCode,
                                String taskTitle, UUID clarificationId, String hf, String unit,
                                List<String> accountable, List<String> responsible, String supervisorRole,
                                String delegator, String supervisor, LocalDate validFrom, LocalDate validTo,
                                String legalBasis, String conditions, String statusReason, String competenceCode,
                                long version) {
    }

    public record EmployeeAuthorisations(UUID employeeId, String hf, String unit, String personnelGroup,
                                         String employeeStatus, List<Authorisation> active,
                                         List<Authorisation> awaitingConfirmation, List<Authorisation> suspended) {
    }

    @Inject
    Today today;

    @Inject
    AuditTrail audit;

    /** Another person's authorisations; the read is audit-logged (privacy: who looked at whom). */
    @Transactional
    public EmployeeAuthorisations ofEmployee(Actor actor, UUID employeeId) {
        EmployeeView employee = EmployeeView.findById(employeeId);
        actor.visible(employee, employee == null ? null : employee.rhf, "Employee", employeeId);
        audit.record(actor, new Audited(AUDIT_TYPE, employee.employeeId, employee.rhf, employee.hf), "VIEWED",
                null, null, "authorisations read");
        return of(employee);
    }

    /** The calling employee's own authorisations. */
    @Transactional
    public EmployeeAuthorisations mine(Actor actor) {
        return of(self(actor));
    }

    /** The employee a token's employee_number claim names, within the token's RHF and HF. */
    public EmployeeView self(Actor actor) {
        String number = actor.employeeNumberOpt()
                .orElseThrow(() -> ProblemException.forbidden("The token carries no employee_number claim"));
        return EmployeeView.byNumber(actor.homeRhf(), number)
                .filter(e -> e.hf != null && e.hf.equals(actor.hf()))
                .orElseThrow(() -> ProblemException.notFound("Employee with employee number", number));
    }

    private EmployeeAuthorisations of(EmployeeView employee) {
        LocalDate day = today.date();
        List<Delegation> open = Delegation.list("employeeId = ?1 and status in ?2 order by taskCode, createdAt",
                employee.employeeId, DelegationStatus.OPEN);
        List<Authorisation> all = open.stream().map(d -> describe(d, day)).toList();
        return new EmployeeAuthorisations(employee.employeeId, employee.hf, employee.unit, employee.personnelGroup,
                employee.status, only(all, DelegationStatus.ACTIVE), only(all, DelegationStatus.CREATED),
                only(all, DelegationStatus.SUSPENDED));
    }

    private static List<Authorisation> only(List<Authorisation> all, DelegationStatus status) {
        return all.stream().filter(a -> a.status().equals(status.name())).toList();
    }

    private static Authorisation describe(Delegation d, LocalDate day) {
        Clarification c = Clarification.findById(d.clarificationId);
        TaskView task = TaskView.findById(d.taskCode);
        boolean inEffect = d.status == DelegationStatus.ACTIVE && c.inForceOn(day) && !d.validFrom.isAfter(day)
                && (d.validTo == null || !d.validTo.isBefore(day));
        return new Authorisation(d.id, d.status.name(), inEffect, d.taskCode, task == null ? null : task.title,
                c.id, d.hf, d.unit, c.partiesOf(Raci.ACCOUNTABLE), c.partiesOf(Raci.RESPONSIBLE), c.supervisorRole,
                d.delegator, d.supervisor, d.validFrom, d.validTo, c.legalBasis, c.conditions, d.statusReason,
                d.competenceCode, d.version);
    }
}
