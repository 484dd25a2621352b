package no.torn.task.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** One step of a mapped process: a task, who performs it today, how often and for how long. */
@Entity
@Table(name = "process_step")
public class ProcessStep extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "process_mapping_id", nullable = false)
    public ProcessMapping processMapping;

    @Column(nullable = false)
    public int position;

    public String description;

    @Column(name = "task_code", nullable = false)
    public String taskCode;

    @Column(name = "performer_group", nullable = false)
    public String performerGroup;

    @Column(name = "occurrences_per_week", nullable = false, precision = 12, scale = 2)
    public BigDecimal occurrencesPerWeek;

    @Column(name = "minutes_per_occurrence", nullable = false)
    public int minutesPerOccurrence;

    @Column(name = "proposed_group")
    public String proposedGroup;

    @Column(name = "sharing_mapping_id")
    public UUID sharingMappingId;
}
