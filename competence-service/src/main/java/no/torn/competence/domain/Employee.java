package no.torn.competence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An employee of an HF. No national identity number is stored (data minimisation). */
@Entity
@Table(name = "employee")
public class Employee extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String rhf;
    @Column(nullable = false)
    public String hf;
    @Column(nullable = false)
    public String unit;

    @Column(name = "employee_number", nullable = false)
    public String employeeNumber;

    @Column(nullable = false)
    public String name;

    @Column(name = "personnel_group", nullable = false)
    public String personnelGroup;

    @Column(name = "hpr_number")
    public String hprNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmploymentStatus status;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
