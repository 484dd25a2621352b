package no.torn.competence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** A catalogue entry. {@code rhf == null} marks the national catalogue; otherwise the type is local to that RHF. */
@Entity
@Table(name = "competence_type")
public class CompetenceType extends PanacheEntityBase {

    @Id
    public String code;

    public String rhf;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompetenceKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompetenceCategory category;

    @Column(name = "validity_months")
    public Integer validityMonths;

    @Column(name = "evidence_required", nullable = false)
    public boolean evidenceRequired;

    /** Directly implied types; the transitive closure lives in {@code competence_closure}. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "competence_type_implies", joinColumns = @JoinColumn(name = "type_code"))
    @Column(name = "implied_code")
    public Set<String> implies = new LinkedHashSet<>();

    /**
     * For an authorisation: the personnel groups it authorises (only their members hold it); empty for every other
     * category.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "competence_type_authorises", joinColumns = @JoinColumn(name = "type_code"))
    @Column(name = "personnel_group")
    public Set<String> authorisesGroups = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TypeStatus status = TypeStatus.ACTIVE;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_by")
    public String retiredBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public boolean isAuthorisation() {
        return category == CompetenceCategory.AUTHORISATION;
    }

    public boolean isNational() {
        return rhf == null;
    }

    public boolean isRetired() {
        return status == TypeStatus.RETIRED;
    }

    /** The default end of validity for a competence acquired on {@code acquiredOn}; null when it does not lapse. */
    public LocalDate defaultValidUntil(LocalDate acquiredOn) {
        return validityMonths == null ? null : acquiredOn.plusMonths(validityMonths);
    }
}
