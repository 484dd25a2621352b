package no.torn.responsibility.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one competence record said after one applied event: the view keeps only the latest state, this keeps every
 * one, so a past day can be judged as it was known then. Append-only (the database refuses changes).
 */
@Entity
@Immutable
@Table(name = "competence_record_history")
public class CompetenceRecordHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID recordId;
    public UUID employeeId;
    public String rhf;
    public long sourceVersion;
    public String competenceCode;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> impliedCodes = new ArrayList<>();
    public LocalDate acquiredOn;
    public LocalDate validUntil;
    public String status;
    public String trustLevel;
    public String reason;
    public String eventId;
    public String eventType;
    public Instant recordedAt;

    /** The state the view holds now, as recorded by the event {@code eventId} at {@code recordedAt}. */
    public static CompetenceRecordHistory of(CompetenceRecordView view, String eventId, String eventType,
                                             Instant recordedAt) {
        CompetenceRecordHistory h = new CompetenceRecordHistory();
        h.recordId = view.recordId;
        h.employeeId = view.employeeId;
        h.rhf = view.rhf;
        h.sourceVersion = view.sourceVersion;
        h.competenceCode = view.competenceCode;
        h.impliedCodes = new ArrayList<>(view.impliedCodes);
        h.acquiredOn = view.acquiredOn;
        h.validUntil = view.validUntil;
        h.status = view.status;
        h.trustLevel = view.trustLevel;
        h.reason = view.reason;
        h.eventId = eventId;
        h.eventType = eventType;
        h.recordedAt = recordedAt;
        return h;
    }

    /** Every row of the employee's records, oldest first. */
    public static List<CompetenceRecordHistory> ofEmployee(UUID employeeId) {
        return list("employeeId = ?1 order by recordedAt, sourceVersion, id", employeeId);
    }

    public PointInTimeHistory.Known known() {
        return new PointInTimeHistory.Known(recordId, sourceVersion, competenceCode, List.copyOf(impliedCodes),
                acquiredOn, validUntil, status, trustLevel, reason, recordedAt);
    }
}
