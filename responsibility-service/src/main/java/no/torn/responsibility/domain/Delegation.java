package no.torn.responsibility.domain;

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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A §5 delegation of one task to a named employee under an active clarification. {@code requiredCompetences} is
 * what the delegation relies on: the competences checked when it was created, watched for expiry and revocation.
 */
@Entity
@Table(name = "delegation")
public class Delegation extends PanacheEntityBase {

    @Id
    public UUID id;
    public String rhf;
    public String hf;
    public String unit;
    public UUID clarificationId;
    public String taskCode;
    public UUID employeeId;
    public String delegator;
    public String supervisor;
    public LocalDate validFrom;
    public LocalDate validTo;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> requiredCompetences = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public DelegationStatus status;
    public String statusReason;
    /** The competence whose loss caused the current suspension, else null. */
    public String competenceCode;
    public Instant confirmedAt;
    public String confirmedBy;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public static List<Delegation> activeOfEmployee(UUID employeeId) {
        return list("employeeId = ?1 and status = ?2", employeeId, DelegationStatus.ACTIVE);
    }

    public static List<Delegation> ofClarification(UUID clarificationId) {
        return list("clarificationId = ?1 order by createdAt", clarificationId);
    }
}
