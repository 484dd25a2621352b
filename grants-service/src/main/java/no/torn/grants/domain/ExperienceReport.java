package no.torn.grants.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * What an HF learned from moving a task between personnel groups. The database keeps a generated full-text vector
 * (Norwegian configuration) over title, summary, results, lessons and pitfalls; it is not mapped here.
 */
@Entity
@Table(name = "experience_report")
public class ExperienceReport extends HfRecord {

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(nullable = false)
    public String title;

    @Column(name = "from_group", nullable = false)
    public String fromGroup;

    @Column(name = "to_group", nullable = false)
    public String toGroup;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "task_codes", nullable = false, columnDefinition = "text[]")
    public String[] taskCodes = new String[0];

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String results = "";

    @Column(nullable = false)
    public String lessons = "";

    @Column(nullable = false)
    public String pitfalls = "";

    @Column(nullable = false)
    public String contact = "";

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExperienceStatus status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
