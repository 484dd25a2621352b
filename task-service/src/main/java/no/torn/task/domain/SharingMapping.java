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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A task moved from one personnel group to another within one RHF, under stated conditions. */
@Entity
@Table(name = "sharing_mapping")
public class SharingMapping extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String rhf;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "task_id", nullable = false)
    public Task task;

    @Column(name = "task_code", nullable = false)
    public String taskCode;

    @Column(name = "from_group", nullable = false)
    public String fromGroup;

    @Column(name = "to_group", nullable = false)
    public String toGroup;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sharing_mapping_extra_competence", joinColumns = @JoinColumn(name = "mapping_id"))
    @Column(name = "competence_code", nullable = false)
    public Set<String> extraRequiredCompetences = new HashSet<>();

    @Column(name = "required_training")
    public String requiredTraining;

    @Enumerated(EnumType.STRING)
    @Column(name = "supervision_level", nullable = false)
    public SupervisionLevel supervisionLevel;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MappingStatus status;

    @Column(name = "process_mapping_id")
    public UUID processMappingId;

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
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "retired_at")
    public Instant retiredAt;
    @Column(name = "retired_by")
    public String retiredBy;

    /** Sets the client-settable content: which task moves from which group to which, and on what terms. */
    public void define(Task task, MappingDefinition definition) {
        this.task = task;
        taskCode = task.code;
        fromGroup = definition.fromGroup();
        toGroup = definition.toGroup();
        extraRequiredCompetences.clear();
        extraRequiredCompetences.addAll(definition.extraRequiredCompetences());
        requiredTraining = definition.requiredTraining();
        supervisionLevel = definition.supervisionLevel();
        legalBasis = definition.legalBasis();
    }

    public void touch(Instant at, String by) {
        updatedAt = at;
        updatedBy = by;
    }

    public List<String> sortedExtraCompetences() {
        return extraRequiredCompetences.stream().sorted().toList();
    }

    /** What the receiving group must hold: the task's own requirements and this mapping's extra ones. */
    public List<String> allRequiredCompetences() {
        Set<String> all = new TreeSet<>(task.requiredCompetences);
        all.addAll(extraRequiredCompetences);
        return List.copyOf(all);
    }
}
