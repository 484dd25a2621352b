package no.torn.responsibility.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import no.torn.responsibility.domain.EmployeeView;
import no.torn.responsibility.domain.Raci;
import no.torn.responsibility.domain.TaskView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** "What may employee E do, and under whose responsibility": the employee's open delegations with their basis. */
@ApplicationScoped
public class Authorisations {

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
    Clock clock;

    public EmployeeAuthorisations of(EmployeeView employee) {
        LocalDate today = LocalDate.now(clock);
        List<Delegation> open = Delegation.list("employeeId = ?1 and status in ?2 order by taskCode, createdAt",
                employee.employeeId, DelegationStatus.OPEN);
        List<Authorisation> all = open.stream().map(d -> describe(d, today)).toList();
        return new EmployeeAuthorisations(employee.employeeId, employee.hf, employee.unit, employee.personnelGroup,
                employee.status,
                all.stream().filter(a -> a.status().equals(DelegationStatus.ACTIVE.name())).toList(),
                all.stream().filter(a -> a.status().equals(DelegationStatus.CREATED.name())).toList(),
                all.stream().filter(a -> a.status().equals(DelegationStatus.SUSPENDED.name())).toList());
    }

    private Authorisation describe(Delegation d, LocalDate today) {
        Clarification c = Clarification.findById(d.clarificationId);
        TaskView task = TaskView.findById(d.taskCode);
        boolean inEffect = d.status == DelegationStatus.ACTIVE && c.inForceOn(today) && !d.validFrom.isAfter(today)
                && (d.validTo == null || !d.validTo.isBefore(today));
        return new Authorisation(d.id, d.status.name(), inEffect, d.taskCode, task == null ? null : task.title,
                c.id, d.hf, d.unit, c.partiesOf(Raci.ACCOUNTABLE), c.partiesOf(Raci.RESPONSIBLE), c.supervisorRole,
                d.delegator, d.supervisor, d.validFrom, d.validTo, c.legalBasis, c.conditions, d.statusReason,
                d.competenceCode, d.version);
    }
}
