package no.torn.task.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A profession (reference data from the migration); only authorised health professions may receive health tasks. */
@Entity
@Table(name = "personnel_group")
public class PersonnelGroup extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "health_profession", nullable = false)
    public boolean healthProfession;
}
