package no.torn.responsibility.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Local copy of a competence record: enough to decide whether it is valid on a given day (acquired, not ended). */
@Entity
@Table(name = "competence_record_view")
public class CompetenceRecordView extends PanacheEntityBase {

    @Id
    public UUID recordId;
    public UUID employeeId;
    public String rhf;
    public String hf;
    public String unit;
    public String personnelGroup;
    public String competenceCode;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> impliedCodes = new ArrayList<>();
    public LocalDate acquiredOn;
    public LocalDate validUntil;
    public String status;
    public String trustLevel;
    public String reason;
    public long sourceVersion;
    public Instant updatedAt;

    public static List<CompetenceRecordView> ofEmployee(UUID employeeId) {
        return list("employeeId", employeeId);
    }

    public CompetenceCheck.Held held() {
        return new CompetenceCheck.Held(competenceCode, impliedCodes, status, acquiredOn, validUntil);
    }
}
