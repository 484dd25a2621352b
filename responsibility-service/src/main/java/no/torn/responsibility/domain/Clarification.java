package no.torn.responsibility.domain;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A responsibility clarification (ansvarsavklaring): for one task (usually through a sharing mapping) in one HF
 * unit, who is accountable, who performs, who supervises, on what legal basis and until which review date.
 */
@Entity
@Table(name = "clarification")
public class Clarification extends PanacheEntityBase {

    @Id
    public UUID id;
    public String rhf;
    public String hf;
    public String unit;
    public String taskCode;
    public UUID mappingId;
    /** The mapping the sharing decision applied: the named one, or the RHF's approved mapping to the group. */
    public UUID appliedMappingId;
    public String delegatingGroup;
    public String performingGroup;
    public String supervisorRole;
    public String legalBasis;
    public String riskAssessment;
    public String conditions;
    public LocalDate activeFrom;
    public LocalDate reviewDate;

    /** What performing the task under this clarification requires: the task's and the applied mapping's. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> requiredCompetences = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "clarification_party", joinColumns = @JoinColumn(name = "clarification_id"))
    @OrderColumn(name = "position")
    public List<RaciParty> parties = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public ClarificationStatus status;
    public String statusReason;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    public String submittedBy;
    public Instant submittedAt;
    public String approvedBy;
    public Instant approvedAt;

    @Version
    public long version;

    public List<String> partiesOf(Raci raci) {
        return parties.stream().filter(p -> p.raci == raci).map(p -> p.party).toList();
    }

    /** In force on {@code day}: ACTIVE, or APPROVED with its start date reached (before the lapse job runs). */
    public boolean inForceOn(LocalDate day) {
        return (status == ClarificationStatus.ACTIVE || status == ClarificationStatus.APPROVED)
                && !activeFrom.isAfter(day) && !reviewDate.isBefore(day);
    }
}
