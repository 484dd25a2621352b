package no.torn.competence.domain.register;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One reconciliation of an RHF's authorisation records (or one employee's) with HPR, and what it found. */
@Entity
@Table(name = "register_reconciliation_run")
public class ReconciliationRun extends PanacheEntityBase {

    public enum Trigger { SCHEDULED, ON_DEMAND }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String rhf;

    /** Set when the run was limited to one employee. */
    @Column(name = "employee_id")
    public UUID employeeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trigger trigger;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    /** Records compared with the register (their register columns written). */
    public int checked;
    /** Records newly flagged (an authorisation-mismatch event each). */
    public int mismatches;
    /** Flagged records the register confirmed again. */
    public int cleared;
    /** Employees whose records could not be checked. */
    public int errors;

    /** Why the run did not complete, for operators; never a person's data. */
    public String failure;
}
