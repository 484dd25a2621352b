package no.torn.grants.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One computation of an RHF pot's HF allocation. Each recomputation is a new row with the next
 * {@code allocationVersion}; only the newest is {@code current}. Inputs and arithmetic are stored as computed.
 */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "pot_id", nullable = false)
    public UUID potId;

    @Column(nullable = false)
    public String rhf;

    @Column(name = "allocation_version", nullable = false)
    public int allocationVersion;

    @Column(nullable = false)
    public boolean current;

    @Column(name = "hf_pot", nullable = false)
    public long hfPot;

    /** {@link AllocationInputs} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String inputs;

    /** {@link AllocationCalculator.Result} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String arithmetic;

    @Column(name = "computed_by", nullable = false)
    public String computedBy;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Version
    public long version;

    public AllocationInputs inputsValue() {
        return Json.read(inputs, AllocationInputs.class);
    }

    public AllocationCalculator.Result arithmeticValue() {
        return Json.read(arithmetic, AllocationCalculator.Result.class);
    }
}
