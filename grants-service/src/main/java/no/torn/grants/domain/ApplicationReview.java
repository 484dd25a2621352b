package no.torn.grants.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One RHF reviewer's score (1–5) and comment on an application. */
@Entity
@Table(name = "application_review")
public class ApplicationReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String rhf;

    @Column(nullable = false)
    public int score;

    @Column(nullable = false)
    public String comment;

    @Column(name = "reviewed_by", nullable = false)
    public String reviewedBy;

    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt;
}
