package no.torn.responsibility.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Local copy of a sharing mapping (task moved from one personnel group to another) from task-service. */
@Entity
@Table(name = "sharing_mapping_view")
public class SharingMappingView extends PanacheEntityBase {

    public static final String APPROVED = "APPROVED";
    public static final String RETIRED = "RETIRED";

    @Id
    public UUID mappingId;
    public String rhf;
    public String taskCode;
    public String fromGroup;
    public String toGroup;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> requiredCompetences = new ArrayList<>();
    /** The competences the mapping adds to the task's own. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> extraCompetences = new ArrayList<>();
    public String supervisionLevel;
    public String riskLevel;
    public String legalBasis;
    public String status;
    public long sourceVersion;
    public Instant updatedAt;

    /** The RHF's mappings of a task to a receiving group, in a stable order (by id). */
    public static List<SharingMappingView> toGroup(String rhf, String taskCode, String toGroup) {
        return list("rhf = ?1 and taskCode = ?2 and toGroup = ?3 order by mappingId", rhf, taskCode, toGroup);
    }
}
