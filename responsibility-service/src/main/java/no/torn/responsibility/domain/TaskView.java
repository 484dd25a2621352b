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

/** Local copy of a catalogue task; national tasks have no rhf. */
@Entity
@Table(name = "task_view")
public class TaskView extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public String code;
    public UUID taskId;
    public String rhf;
    public String variantOf;
    public String title;
    public String category;
    public String riskLevel;
    public Boolean requiresHealthProfessional;
    public Boolean allowsUntrainedStaff;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> requiredCompetences = new ArrayList<>();
    public String status;
    public long sourceVersion;
    public Instant updatedAt;

    /** National tasks are usable by every RHF; an RHF's own variants only by that RHF. */
    public boolean usableBy(String callerRhf) {
        return rhf == null || rhf.equals(callerRhf);
    }
}
