package no.torn.grants.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** A granted project's progress or final report, with the light measures the programme asks for. */
@Entity
@Table(name = "project_report")
public class ProjectReport extends Submission {

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

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
}
