package no.torn.competence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.torn.platform.time.CompetenceValidity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One competence an employee holds, with its evidence, attestation and validity. */
@Entity
@Table(name = "competence_record")
public class CompetenceRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "employee_id", nullable = false)
    public Employee employee;

    /** The employee's id without loading the employee: views are built after the command's transaction. */
    @Column(name = "employee_id", insertable = false, updatable = false)
    public UUID employeeId;

    /** Copied from the employee so that scope queries need one table. */
    @Column(nullable = false)
    public String rhf;
    @Column(nullable = false)
    public String hf;
    @Column(nullable = false)
    public String unit;

    /** Copied from the employee (immutable there) so holder queries sort and page without a join. */
    @Column(name = "employee_number", nullable = false)
    public String employeeNumber;

    /** False once the employee has left: holder queries skip such records inside the index. */
    @Column(name = "employee_active", nullable = false)
    public boolean employeeActive = true;

    @Column(name = "type_code", nullable = false)
    public String typeCode;

    @Column(name = "acquired_on", nullable = false)
    public LocalDate acquiredOn;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "evidence_issuer")
    public String evidenceIssuer;
    @Column(name = "evidence_document_ref")
    public String evidenceDocumentRef;

    @Column(name = "attested_by")
    public UUID attestedBy;
    @Column(name = "attested_at")
    public Instant attestedAt;
    @Column(name = "attestation_level")
    public Integer attestationLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordSource source;

    @Enumerated(EnumType.STRING)
    @Column(name = "trust_level", nullable = false)
    public TrustLevel trustLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordStatus status;

    @Column(name = "revocation_reason")
    public String revocationReason;

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

    /** Validity is decided by dates, not only by status: a record past validUntil never counts, job or no job. */
    public boolean isValidOn(LocalDate day) {
        return CompetenceValidity.validOn(status == RecordStatus.REVOKED, acquiredOn, validUntil, day);
    }

    /** A new record of {@code employee}: placement is copied so that scope and holder queries need one table. */
    public static CompetenceRecord of(Employee employee) {
        CompetenceRecord r = new CompetenceRecord();
        r.id = UUID.randomUUID();
        r.employee = employee;
        r.employeeId = employee.id;
        r.rhf = employee.rhf;
        r.hf = employee.hf;
        r.unit = employee.unit;
        r.employeeNumber = employee.employeeNumber;
        return r;
    }
}
