package no.torn.competence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.problem.ProblemException;

import java.util.Objects;
import java.util.UUID;

/** Commands on employees; each runs in one transaction and announces itself through the outbox. */
@ApplicationScoped
public class Employees {

    @Inject
    EntityManager em;

    @Inject
    CompetenceEvents events;

    @Inject
    Today today;

    public static void requireVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw ProblemException.staleVersion(expected, actual);
        }
    }

    static void requireGroup(String personnelGroup, String field) {
        if (personnelGroup == null || PersonnelGroup.findById(personnelGroup) == null) {
            throw ProblemException.invalid(field, "unknown personnel group " + personnelGroup);
        }
    }

    @Transactional
    public Employee register(String rhf, String hf, String unit, String employeeNumber, String name,
                             String personnelGroup, String hprNumber, String actor) {
        requireGroup(personnelGroup, "personnelGroup");
        if (Employee.count("hf = ?1 and employeeNumber = ?2", hf, employeeNumber) > 0) {
            throw ProblemException.conflict("Employee number " + employeeNumber + " already exists in " + hf);
        }
        Employee e = new Employee();
        e.id = UUID.randomUUID();
        e.rhf = rhf;
        e.hf = hf;
        e.unit = unit;
        e.employeeNumber = employeeNumber;
        e.name = name;
        e.personnelGroup = personnelGroup;
        e.hprNumber = hprNumber;
        e.status = EmploymentStatus.ACTIVE;
        e.createdAt = e.updatedAt = today.now();
        e.createdBy = e.updatedBy = actor;
        e.persist();
        em.flush();
        events.employee(CompetenceEvents.EMPLOYEE_REGISTERED, e, e.version);
        return e;
    }

    @Transactional
    public Employee update(UUID id, String unit, String name, String personnelGroup, String hprNumber, Long version,
                           String actor) {
        Employee e = Employee.findById(id);
        requireVersion(version, e.version);
        requireGroup(personnelGroup, "personnelGroup");
        if (e.status == EmploymentStatus.LEFT) {
            throw ProblemException.rule("Employee " + id + " has left and can no longer be changed");
        }
        if (Objects.equals(e.unit, unit) && Objects.equals(e.name, name)
                && Objects.equals(e.personnelGroup, personnelGroup) && Objects.equals(e.hprNumber, hprNumber)) {
            return e;
        }
        boolean moved = !Objects.equals(e.unit, unit);
        e.unit = unit;
        e.name = name;
        e.personnelGroup = personnelGroup;
        e.hprNumber = hprNumber;
        e.updatedAt = today.now();
        e.updatedBy = actor;
        em.flush();
        if (moved) {
            em.createQuery("update CompetenceRecord r set r.unit = ?1 where r.employee.id = ?2")
                    .setParameter(1, unit).setParameter(2, id).executeUpdate();
        }
        events.employee(CompetenceEvents.EMPLOYEE_UPDATED, e, e.version);
        return e;
    }

    @Transactional
    public Employee leave(UUID id, Long version, String actor) {
        Employee e = Employee.findById(id);
        requireVersion(version, e.version);
        if (e.status == EmploymentStatus.LEFT) {
            return e;
        }
        e.status = EmploymentStatus.LEFT;
        e.updatedAt = today.now();
        e.updatedBy = actor;
        em.flush();
        em.createQuery("update CompetenceRecord r set r.employeeActive = false where r.employee.id = ?1")
                .setParameter(1, id).executeUpdate();
        events.employee(CompetenceEvents.EMPLOYEE_LEFT, e, e.version);
        return e;
    }
}
