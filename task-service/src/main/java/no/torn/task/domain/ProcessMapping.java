package no.torn.task.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import no.torn.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A TØRN process mapping of one unit: its steps, who was involved, and the phase the work has reached. */
@Entity
@Table(name = "process_mapping")
public class ProcessMapping extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String rhf;

    @Column(nullable = false)
    public String hf;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProcessPhase phase;

    @Column(name = "union_representative_involved", nullable = false)
    public boolean unionRepresentativeInvolved;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "process_mapping_participant", joinColumns = @JoinColumn(name = "process_mapping_id"))
    @OrderColumn(name = "position")
    @Column(name = "participant", nullable = false)
    public List<String> participants = new ArrayList<>();

    @OneToMany(mappedBy = "processMapping", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    public List<ProcessStep> steps = new ArrayList<>();

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

    public void describe(String name, String description, boolean unionRepresentativeInvolved,
                         List<String> participants) {
        this.name = name;
        this.description = description;
        this.unionRepresentativeInvolved = unionRepresentativeInvolved;
        this.participants.clear();
        this.participants.addAll(participants == null ? List.of() : participants);
    }

    public void touch(Instant at, String by) {
        updatedAt = at;
        updatedBy = by;
    }

    /** A step of this mapping, or a 404 problem. */
    public ProcessStep step(UUID stepId) {
        return steps.stream().filter(s -> s.id.equals(stepId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Process step", stepId));
    }

    public int nextPosition() {
        return steps.stream().mapToInt(s -> s.position).max().orElse(0) + 1;
    }
}
