package no.torn.grants.domain;

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

/** A national TØRN grant round for one year and programme; the RHF pots hang off it. */
@Entity
@Table(name = "grant_round")
public class GrantRound extends PanacheEntityBase {

    /** Rounds are national records; the tenant column says so explicitly. */
    public static final String NATIONAL = "national";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String rhf = NATIONAL;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String programme;

    @Column(nullable = false)
    public String title;

    @Column(name = "national_amount", nullable = false)
    public long nationalAmount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RoundStatus status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
