package no.torn.competence.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.EmploymentStatus;
import no.torn.competence.domain.PersonnelGroup;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.time.Today;

import java.util.Objects;
import java.util.UUID;

/** Commands on employees: register, update, leave. Each is one transaction with its audit line and event. */
@ApplicationScoped
public class Employees {

    public static final String ENTITY = "EMPLOYEE";

    public record Registration(String hf, String unit, String employeeNumber, String name, String personnelGroup,
                               String hprNumber) {
    }

    public record Change(String unit, String name, String personnelGroup, String hprNumber, Long version) {
    }

    /** What the audit trail keeps of an employee. */
    record Snapshot(String hf, String unit, String employeeNumber, String name, String personnelGroup,
                    String hprNumber, EmploymentStatus status) {

        static Snapshot of(Employee e) {
            return new Snapshot(e.hf, e.unit, e.employeeNumber, e.name, e.personnelGroup, e.hprNumber, e.status);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    CompetenceEvents events;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Today today;

    /** The employee, or 404 when absent or outside the actor's reach. */
    public static Employee visible(Actor actor, UUID id) {
        Employee e = Employee.findById(id);
        return actor.visible(e, e == null ? null : e.rhf, e == null ? null : e.hf, "Employee", id);
    }

    static Audited audited(Employee e) {
        return new Audited(ENTITY, e.id, e.rhf, e.hf);
    }

    static void requireGroup(String personnelGroup, String field) {
        if (personnelGroup == null || PersonnelGroup.findById(personnelGroup) == null) {
            throw ProblemException.invalid(field, "unknown personnel group " + personnelGroup);
        }
    }

    /** Registers an employee in an HF of the actor's RHF; a repeated Idempotency-Key answers the same employee. */
    @Transactional
    public Employee register(Actor actor, String idempotencyKey, Registration in) {
        String hf = actor.writableHf(actor.homeRhf(), in.hf(), "hf");
        requireGroup(in.personnelGroup(), "personnelGroup");
        UUID id = idempotency.once(actor, idempotencyKey, "competence.register-employee", in, UUID.class, () -> {
            if (Employee.count("hf = ?1 and employeeNumber = ?2", hf, in.employeeNumber()) > 0) {
                throw ProblemException.conflict("Employee number " + in.employeeNumber() + " already exists in " + hf);
            }
            Employee e = new Employee();
            e.id = UUID.randomUUID();
            e.rhf = actor.homeRhf();
            e.hf = hf;
            e.unit = in.unit();
            e.employeeNumber = in.employeeNumber();
            e.name = in.name();
            e.personnelGroup = in.personnelGroup();
            e.hprNumber = in.hprNumber();
            e.status = EmploymentStatus.ACTIVE;
            e.createdAt = e.updatedAt = today.now();
            e.createdBy = e.updatedBy = actor.id();
            e.persist();
            em.flush();
            audit.record(actor, audited(e), "REGISTERED", null, Snapshot.of(e), null);
            events.employee(CompetenceEvents.EMPLOYEE_REGISTERED, e, e.version);
            return e.id;
        });
        return Employee.findById(id);
    }

    /** Unit, name, personnel group and HPR number; a move of unit re-homes the employee's records. */
    @Transactional
    public Employee update(Actor actor, UUID id, Change in) {
        Employee e = visible(actor, id);
        Versions.require(e.version, in.version());
        requireGroup(in.personnelGroup(), "personnelGroup");
        if (e.status == EmploymentStatus.LEFT) {
            throw ProblemException.rule("Employee " + id + " has left and can no longer be changed");
        }
        Snapshot before = Snapshot.of(e);
        boolean moved = !Objects.equals(e.unit, in.unit());
        e.unit = in.unit();
        e.name = in.name();
        e.personnelGroup = in.personnelGroup();
        e.hprNumber = in.hprNumber();
        Snapshot after = Snapshot.of(e);
        if (after.equals(before)) {
            return e;
        }
        e.updatedAt = today.now();
        e.updatedBy = actor.id();
        em.flush();
        if (moved) {
            em.createQuery("update CompetenceRecord r set r.unit = ?1 where r.employee.id = ?2")
                    .setParameter(1, e.unit).setParameter(2, id).executeUpdate();
        }
        audit.record(actor, audited(e), "UPDATED", before, after, null);
        events.employee(CompetenceEvents.EMPLOYEE_UPDATED, e, e.version);
        return e;
    }

    /** The employee has left: their records stop counting. {@code version} null skips the concurrency check. */
    @Transactional
    public Employee leave(Actor actor, UUID id, Long version) {
        Employee e = visible(actor, id);
        if (version != null) {
            Versions.require(e.version, version);
        }
        Snapshot before = Snapshot.of(e);
        e.status = Transitions.move(e.status, EmploymentStatus.LEFT, "Employee " + id);
        e.updatedAt = today.now();
        e.updatedBy = actor.id();
        em.flush();
        em.createQuery("update CompetenceRecord r set r.employeeActive = false where r.employee.id = ?1")
                .setParameter(1, id).executeUpdate();
        audit.record(actor, audited(e), "LEFT", before, Snapshot.of(e), null);
        events.employee(CompetenceEvents.EMPLOYEE_LEFT, e, e.version);
        return e;
    }
}
