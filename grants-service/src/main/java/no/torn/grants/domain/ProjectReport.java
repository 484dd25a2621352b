package no.torn.grants.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A granted project's progress or final report, with the light measures the programme asks for. */
@Entity
@Table(name = "project_report")
public class ProjectReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String rhf;

    @Column(nullable = false)
    public String hf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportKind kind;

    @Column(nullable = false)
    public String summary;

    @Column(name = "hours_per_week_moved", nullable = false)
    public BigDecimal hoursPerWeekMoved;

    @Column(name = "staff_trained", nullable = false)
    public int staffTrained;

    @Column(name = "delegations_active", nullable = false)
    public int delegationsActive;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;
}
