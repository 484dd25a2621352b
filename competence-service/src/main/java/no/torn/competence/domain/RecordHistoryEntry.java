package no.torn.competence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change of a competence record: who (token subject), when, what (JSON of the changed fields). */
@Entity
@Table(name = "record_history")
public class RecordHistoryEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    @Column(nullable = false)
    public String rhf;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String changes;
}
