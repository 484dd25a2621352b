package no.torn.grants.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import no.torn.platform.audit.Audited;

import java.util.UUID;

/** A record an HF writes and its RHF owns: applications, project reports and experience reports. */
@MappedSuperclass
public abstract class HfRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String rhf;

    @Column(nullable = false)
    public String hf;

    @Version
    public long version;

    /** This record as the audit trail files it: readable by auditors of its RHF. */
    public Audited audited(String type) {
        return new Audited(type, id, rhf, hf);
    }
}
