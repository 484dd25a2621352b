package no.torn.competence.messaging;

import no.torn.competence.domain.Employee;

import java.util.UUID;

/** Payload of employee-registered/-updated/-left: what a consumer needs to keep an employee read model. */
public record EmployeeEventData(UUID employeeId, String rhf, String hf, String unit, String employeeNumber,
                                String personnelGroup, String status, long version) {

    public static EmployeeEventData of(Employee e, long version) {
        return new EmployeeEventData(e.id, e.rhf, e.hf, e.unit, e.employeeNumber, e.personnelGroup, e.status.name(),
                version);
    }
}
