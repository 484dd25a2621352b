package no.torn.task.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.time.Today;
import no.torn.task.domain.MappingDefinition;
import no.torn.task.domain.MappingStatus;
import no.torn.task.domain.PersonnelGroups;
import no.torn.task.domain.ProcessMapping;
import no.torn.task.domain.ProcessPhase;
import no.torn.task.domain.ProcessStep;
import no.torn.task.domain.SharingMapping;
import no.torn.task.domain.StepDefinition;
import no.torn.task.domain.SupervisionLevel;
import no.torn.task.domain.Task;
import no.torn.task.messaging.TaskEvents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Commands on TØRN process mappings. Every role of the RHF reads them; RHF admins change any of their RHF, unit
 * leaders only those of their own HF. A change to a step also touches the process mapping, so its version guards
 * the whole mapping. Creates under a mapping (steps, proposals) check the version inside their Idempotency-Key, so
 * a retried request gets its first answer rather than a stale-version conflict.
 */
@ApplicationScoped
public class ProcessMappings {

    static final String AUDITED = "PROCESS_MAPPING";

    /** Starts a process mapping of a unit; also the request an Idempotency-Key is bound to. */
    public record Start(String hf, String unit, String name, String description, boolean unionRepresentativeInvolved,
                        List<String> participants) {
    }

    /** The descriptive part of a process mapping. */
    public record Description(String name, String description, boolean unionRepresentativeInvolved,
                              List<String> participants) {
    }

    /** A new performer group proposed for a step, and the terms of the sharing mapping it creates. */
    public record Proposal(String toGroup, Set<String> extraRequiredCompetences, String requiredTraining,
                           SupervisionLevel supervisionLevel, String legalBasis) {
    }

    /** The request an Idempotency-Key of "add a step" is bound to. */
    public record StepAddition(UUID processMappingId, Long version, StepDefinition step) {
    }

    /** The request an Idempotency-Key of "propose a performer group" is bound to. */
    public record StepProposal(UUID processMappingId, UUID stepId, Long version, Proposal proposal) {
    }

    /** Audit snapshot of a process mapping. */
    public record State(String name, String description, ProcessPhase phase, boolean unionRepresentativeInvolved,
                        List<String> participants, List<StepState> steps, long version) {
        static State of(ProcessMapping m) {
            return new State(m.name, m.description, m.phase, m.unionRepresentativeInvolved,
                    List.copyOf(m.participants), m.steps.stream().map(StepState::of).toList(), m.version);
        }
    }

    public record StepState(UUID id, int position, String taskCode, String performerGroup,
                            BigDecimal occurrencesPerWeek, int minutesPerOccurrence, String proposedGroup,
                            UUID sharingMappingId) {
        static StepState of(ProcessStep s) {
            return new StepState(s.id, s.position, s.taskCode, s.performerGroup, s.occurrencesPerWeek,
                    s.minutesPerOccurrence, s.proposedGroup, s.sharingMappingId);
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Idempotency idempotency;

    @Inject
    Today today;

    @Inject
    PersonnelGroups groups;

    @Inject
    SharingMappings sharingMappings;

    /** A process mapping of the actor's RHF (national admins: any); else 404. */
    public ProcessMapping visible(Actor actor, UUID id) {
        ProcessMapping mapping = id == null ? null : ProcessMapping.findById(id);
        return actor.visible(mapping, mapping == null ? null : mapping.rhf, "Process mapping", id);
    }

    @Transactional
    public ProcessMapping create(Actor actor, String idempotencyKey, Start command) {
        String rhf = HospitalTrusts.rhfOf(actor, command.hf(), "hf");
        UUID id = idempotency.once(actor, idempotencyKey, "task.start-process-mapping", command, UUID.class, () -> {
            Instant now = today.now();
            ProcessMapping mapping = new ProcessMapping();
            mapping.id = UUID.randomUUID();
            mapping.rhf = rhf;
            mapping.hf = command.hf();
            mapping.unit = command.unit();
            mapping.phase = ProcessPhase.MAPPING;
            mapping.createdAt = now;
            mapping.createdBy = actor.id();
            mapping.describe(command.name(), command.description(), command.unionRepresentativeInvolved(),
                    command.participants());
            mapping.touch(now, actor.id());
            mapping.persistAndFlush();
            audit.record(actor, audited(mapping), "STARTED", null, State.of(mapping), null);
            return mapping.id;
        });
        return ProcessMapping.findById(id);
    }

    @Transactional
    public ProcessMapping update(Actor actor, UUID id, Long version, Description description) {
        ProcessMapping mapping = writable(actor, id);
        Versions.require(mapping.version, version);
        State before = State.of(mapping);
        mapping.describe(description.name(), description.description(), description.unionRepresentativeInvolved(),
                description.participants());
        return changed(actor, mapping, "CHANGED", before);
    }

    @Transactional
    public ProcessMapping addStep(Actor actor, String idempotencyKey, UUID id, Long version,
                                  StepDefinition definition) {
        ProcessMapping mapping = writable(actor, id);
        idempotency.once(actor, idempotencyKey, "task.add-process-step", new StepAddition(id, version, definition),
                UUID.class, () -> {
                    Versions.require(mapping.version, version);
                    requireStepsEditable(mapping);
                    State before = State.of(mapping);
                    ProcessStep step = new ProcessStep();
                    step.id = UUID.randomUUID();
                    step.processMapping = mapping;
                    step.position = mapping.nextPosition();
                    applyStep(mapping, step, definition);
                    mapping.steps.add(step);
                    changed(actor, mapping, "STEP_ADDED", before);
                    return step.id;
                });
        return mapping;
    }

    @Transactional
    public ProcessMapping updateStep(Actor actor, UUID id, UUID stepId, Long version, StepDefinition definition) {
        ProcessMapping mapping = writable(actor, id);
        Versions.require(mapping.version, version);
        requireStepsEditable(mapping);
        ProcessStep step = mapping.step(stepId);
        if (step.sharingMappingId != null && (!step.taskCode.equals(definition.taskCode())
                || !step.performerGroup.equals(definition.performerGroup()))) {
            throw ProblemException.conflict("the step has a proposal; its task and performer group are fixed");
        }
        State before = State.of(mapping);
        applyStep(mapping, step, definition);
        return changed(actor, mapping, "STEP_CHANGED", before);
    }

    @Transactional
    public ProcessMapping removeStep(Actor actor, UUID id, UUID stepId, Long version) {
        ProcessMapping mapping = writable(actor, id);
        Versions.require(mapping.version, version);
        requireStepsEditable(mapping);
        ProcessStep step = mapping.step(stepId);
        if (step.sharingMappingId != null) {
            throw ProblemException.conflict("the step has a proposal (sharing mapping " + step.sharingMappingId
                    + "); retire the mapping's proposal instead of removing the step");
        }
        State before = State.of(mapping);
        mapping.steps.remove(step);
        return changed(actor, mapping, "STEP_REMOVED", before);
    }

    /** Proposes a new performer group for a step: creates a sharing mapping in status proposed. */
    @Transactional
    public ProcessMapping propose(Actor actor, String idempotencyKey, UUID id, UUID stepId, Long version,
                                  Proposal proposal) {
        ProcessMapping mapping = writable(actor, id);
        idempotency.once(actor, idempotencyKey, "task.propose-performer-group",
                new StepProposal(id, stepId, version, proposal), UUID.class, () -> {
                    Versions.require(mapping.version, version);
                    if (!mapping.phase.allowsProposals()) {
                        throw ProblemException.rule("proposals are made in the ANALYSIS or PROPOSAL phase; this "
                                + "process mapping is in " + mapping.phase,
                                List.of(new Problem.Violation("phase", "is " + mapping.phase)));
                    }
                    ProcessStep step = mapping.step(stepId);
                    if (step.sharingMappingId != null) {
                        SharingMapping existing = SharingMapping.findById(step.sharingMappingId);
                        if (existing != null && existing.status != MappingStatus.RETIRED) {
                            throw ProblemException.conflict("the step already has a live proposal (sharing mapping "
                                    + existing.id + ")");
                        }
                    }
                    State before = State.of(mapping);
                    SharingMapping created = sharingMappings.createProposed(actor, mapping.rhf,
                            new MappingDefinition(step.taskCode, step.performerGroup, proposal.toGroup(),
                                    proposal.extraRequiredCompetences(), proposal.requiredTraining(),
                                    proposal.supervisionLevel(), proposal.legalBasis()), mapping.id);
                    step.proposedGroup = proposal.toGroup();
                    step.sharingMappingId = created.id;
                    changed(actor, mapping, "PERFORMER_PROPOSED", before);
                    return created.id;
                });
        return mapping;
    }

    /** Moves to the next phase; leaving MAPPING needs mapped steps and the staff involved recorded (422). */
    @Transactional
    public ProcessMapping changePhase(Actor actor, UUID id, Long version, ProcessPhase target) {
        ProcessMapping mapping = writable(actor, id);
        Versions.require(mapping.version, version);
        ProcessPhase from = mapping.phase;
        ProcessPhase to = Transitions.move(from, target, "Process mapping " + id);
        if (from == ProcessPhase.MAPPING) {
            if (mapping.steps.isEmpty()) {
                throw ProblemException.rule("map the process's steps before analysing it",
                        List.of(new Problem.Violation("steps", "must not be empty")));
            }
            if (mapping.participants.isEmpty()) {
                throw ProblemException.rule("record the staff involved in the mapping before analysing it",
                        List.of(new Problem.Violation("participants", "must not be empty")));
            }
        }
        State before = State.of(mapping);
        mapping.phase = to;
        changed(actor, mapping, "PHASE_CHANGED", before);
        outbox.publish(TaskEvents.PROCESS_PHASE_CHANGED, mapping.id, mapping.rhf,
                TaskEvents.PhaseChangedData.of(mapping, from));
        return mapping;
    }

    /** Touches, flushes (so the version moves on) and audits a changed mapping. */
    private ProcessMapping changed(Actor actor, ProcessMapping mapping, String action, State before) {
        mapping.touch(today.now(), actor.id());
        mapping.flush();
        audit.record(actor, audited(mapping), action, before, State.of(mapping), null);
        return mapping;
    }

    /** A mapping the actor may change: visible, and within the actor's HF for HF-bound roles (unit leaders). */
    private ProcessMapping writable(Actor actor, UUID id) {
        ProcessMapping mapping = visible(actor, id);
        if (!actor.canSee(mapping.rhf, mapping.hf)) {
            throw ProblemException.forbidden("Only an RHF admin or a unit leader of " + mapping.hf
                    + " changes its process mappings");
        }
        return mapping;
    }

    private void applyStep(ProcessMapping mapping, ProcessStep step, StepDefinition definition) {
        if (Task.applicableIn(definition.taskCode(), mapping.rhf) == null) {
            throw ProblemException.rule("no task " + definition.taskCode() + " in the catalogue of " + mapping.rhf,
                    List.of(new Problem.Violation("taskCode", "unknown task " + definition.taskCode())));
        }
        groups.require(definition.performerGroup(), "performerGroup");
        step.description = definition.description();
        step.taskCode = definition.taskCode();
        step.performerGroup = definition.performerGroup();
        step.occurrencesPerWeek = definition.occurrencesPerWeek();
        step.minutesPerOccurrence = definition.minutesPerOccurrence();
    }

    private static void requireStepsEditable(ProcessMapping mapping) {
        if (!mapping.phase.allowsStepChanges()) {
            throw ProblemException.rule("steps are fixed once the trial has started",
                    List.of(new Problem.Violation("phase", "is " + mapping.phase)));
        }
    }

    private static Audited audited(ProcessMapping mapping) {
        return new Audited(AUDITED, mapping.id, mapping.rhf, mapping.hf);
    }
}
