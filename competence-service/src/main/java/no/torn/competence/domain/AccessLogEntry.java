package no.torn.competence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A read of an employee's competence by someone other than the employee (privacy: see docs/architecture.md). */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_rhf", nullable = false)
    public String actorRhf;

    @Column(name = "employee_id", nullable = false)
    public UUID employeeId;

    @Column(name = "employee_rhf", nullable = false)
    public String employeeRhf;

    @Column(nullable = false)
    public String action;
}
