package no.torn.task.domain;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A task in the catalogue. {@code rhf == null} marks a national task, readable by every RHF; otherwise the task is
 * local to that RHF, and {@code variantOf} names the national task it adapts, if any.
 */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    /** CloudEvent tenant attribute of national tasks (their data.rhf is null). */
    public static final String NATIONAL = "national";

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    public String rhf;

    @Column(name = "variant_of")
    public String variantOf;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    public RiskLevel riskLevel;

    @Column(name = "requires_health_professional", nullable = false)
    public boolean requiresHealthProfessional;

    @Column(name = "allows_untrained_staff", nullable = false)
    public boolean allowsUntrainedStaff;

    @Column(name = "safety_note")
    public String safetyNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_required_competence", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "competence_code", nullable = false)
    public Set<String> requiredCompetences = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

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

    public boolean isNational() {
        return rhf == null;
    }

    /** The tenant for events and access checks: the RHF, or "national". */
    public String tenant() {
        return rhf == null ? NATIONAL : rhf;
    }

    public List<String> sortedRequiredCompetences() {
        return requiredCompetences.stream().sorted().toList();
    }

    /** Sets the client-settable content; the rules of {@link TaskDefinition#checkConsistent()} apply. */
    public void define(TaskDefinition definition) {
        definition.checkConsistent();
        title = definition.title();
        description = definition.description();
        category = definition.category();
        riskLevel = definition.riskLevel();
        requiresHealthProfessional = definition.requiresHealthProfessional();
        allowsUntrainedStaff = definition.allowsUntrainedStaff();
        safetyNote = definition.safetyNote();
        requiredCompetences.clear();
        requiredCompetences.addAll(definition.requiredCompetences());
    }

    public void touch(Instant at, String by) {
        updatedAt = at;
        updatedBy = by;
    }

    public static Task findByCode(String code) {
        return code == null ? null : find("code", code).firstResult();
    }

    /** A task that applies inside {@code rhf} (national, or local to it); null otherwise. */
    public static Task applicableIn(String code, String rhf) {
        Task task = findByCode(code);
        return task != null && (task.isNational() || task.rhf.equals(rhf)) ? task : null;
    }
}
