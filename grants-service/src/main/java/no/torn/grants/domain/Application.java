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

/** An HF's application for a task-sharing project in a grant round; once granted it is the project itself. */
@Entity
@Table(name = "application")
public class Application extends Submission {

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String department;

    @Column(name = "from_group", nullable = false)
    public String fromGroup;

    @Column(name = "to_group", nullable = false)
    public String toGroup;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "task_codes", nullable = false, columnDefinition = "text[]")
    public String[] taskCodes = new String[0];

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectKind kind;

    @Column(name = "requested_amount", nullable = false)
    public long requestedAmount;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "granted_amount")
    public Long grantedAmount;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Set while the award is public (open data and the award list); null before publishing and after withdrawal. */
    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    /** When the award's public facts last changed (published or withdrawn), for the open data's Last-Modified. */
    @Column(name = "public_changed_at")
    public Instant publicChangedAt;

    public boolean isAward() {
        return status == ApplicationStatus.GRANTED || status == ApplicationStatus.CLOSED;
    }
}
