package no.torn.grants.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/** What one HF may be granted from an allocation, and how much of it is already granted. */
@Entity
@Table(name = "allocation_share")
public class AllocationShare extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "allocation_id", nullable = false)
    public UUID allocationId;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(nullable = false)
    public String rhf;

    @Column(nullable = false)
    public String hf;

    @Column(nullable = false)
    public long amount;

    @Column(nullable = false)
    public long granted;

    @Version
    public long version;

    public long available() {
        return amount - granted;
    }
}
