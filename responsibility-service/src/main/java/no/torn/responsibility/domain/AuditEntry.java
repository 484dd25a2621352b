package no.torn.responsibility.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** One line of the append-only audit trail; the database refuses to update or delete it. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String rhf;
    public String hf;
    public String entityType;
    public UUID entityId;
    public String action;
    public String fromStatus;
    public String toStatus;
    public String actor;
    public String reason;
    public Instant at;
}
