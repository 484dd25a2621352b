package no.torn.competence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A personnel group (profession), reference data seeded by migration. */
@Entity
@Table(name = "personnel_group")
public class PersonnelGroup extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "authorised_health_profession", nullable = false)
    public boolean authorisedHealthProfession;
}
