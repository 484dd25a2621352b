package no.torn.grants.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One RHF's share of a grant round and how the RHF splits it between its own activities, evaluation and its HFs. */
@Entity
@Table(name = "rhf_pot")
public class RhfPot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(nullable = false)
    public String rhf;

    @Column(nullable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PotStatus status = PotStatus.OPEN;

    @Column(name = "rhf_activities_amount")
    public Long rhfActivitiesAmount;

    @Column(name = "rhf_activities_percent")
    public BigDecimal rhfActivitiesPercent;

    @Column(name = "evaluation_reserve", nullable = false)
    public long evaluationReserve;

    @Column(name = "minimum_amount", nullable = false)
    public long minimumAmount;

    /** JSON array of {hf, baseFrame}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String participants = "[]";

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public List<AllocationCalculator.Participant> participantList() {
        return Json.read(participants, Json.PARTICIPANTS);
    }

    public PotSplit split() {
        return PotSplit.of(amount, rhfActivitiesAmount, rhfActivitiesPercent, evaluationReserve);
    }

    /** The split and allocations may change only while the pot is open and its round not closed. */
    public boolean editable(GrantRound round) {
        return status == PotStatus.OPEN && round.status != RoundStatus.CLOSED;
    }

    public static Optional<RhfPot> of(UUID roundId, String rhf) {
        return find("roundId = ?1 and rhf = ?2", roundId, rhf).firstResultOptional();
    }
}
