package no.torn.task.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.task.messaging.TaskEvents;

import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Commands on TØRN process mappings. RHF admins work on any HF of their RHF, unit leaders only on their own HF.
 * Each change to a step also touches the process mapping, so its version guards the whole mapping.
 */
@ApplicationScoped
public class ProcessMappings {

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    TaskCatalogue catalogue;

    @Inject
    PersonnelGroups groups;

    @Inject
    SharingMappings sharingMappings;

    public ProcessMapping visible(UUID id) {
        ProcessMapping mapping = id == null ? null : ProcessMapping.findById(id);
        return caller.visible(mapping, mapping == null ? null : mapping.rhf, "Process mapping", id);
    }

    @Transactional
    public ProcessMapping create(String hf, String unit, String name, String description,
                                 boolean unionRepresentativeInvolved, List<String> participants,
                                 String idempotencyKey) {
        if (idempotencyKey != null) {
            ProcessMapping earlier = ProcessMapping.find("createdBy = ?1 and idempotencyKey = ?2", caller.id(),
                    idempotencyKey).firstResult();
            if (earlier != null) {
                return earlier;
            }
        }
        caller.requireOwnHf(hf, caller.rhf(), "hf");
        requireHfAccess(hf);
        Instant now = clock.instant();
        ProcessMapping mapping = new ProcessMapping();
        mapping.id = UUID.randomUUID();
        mapping.rhf = caller.rhf();
        mapping.hf = hf;
        mapping.unit = unit;
        mapping.phase = ProcessPhase.MAPPING;
        mapping.createdAt = now;
        mapping.createdBy = caller.id();
        mapping.idempotencyKey = idempotencyKey;
        describe(mapping, name, description, unionRepresentativeInvolved, participants);
        mapping.persistAndFlush();
        return mapping;
    }

    @Transactional
    public ProcessMapping update(UUID id, long version, String name, String description,
                                 boolean unionRepresentativeInvolved, List<String> participants) {
        ProcessMapping mapping = writable(id, version);
        describe(mapping, name, description, unionRepresentativeInvolved, participants);
        mapping.flush();
        return mapping;
    }

    @Transactional
    public ProcessMapping addStep(UUID id, long version, StepDefinition definition) {
        ProcessMapping mapping = writable(id, version);
        requireStepsEditable(mapping);
        ProcessStep step = new ProcessStep();
        step.id = UUID.randomUUID();
        step.processMapping = mapping;
        step.position = mapping.steps.stream().mapToInt(s -> s.position).max().orElse(0) + 1;
        applyStep(mapping, step, definition);
        mapping.steps.add(step);
        touch(mapping);
        mapping.flush();
        return mapping;
    }

    @Transactional
    public ProcessMapping updateStep(UUID id, UUID stepId, long version, StepDefinition definition) {
        ProcessMapping mapping = writable(id, version);
        requireStepsEditable(mapping);
        ProcessStep step = step(mapping, stepId);
        if (step.sharingMappingId != null && (!step.taskCode.equals(definition.taskCode())
                || !step.performerGroup.equals(definition.performerGroup()))) {
            throw ProblemException.conflict("the step has a proposal; its task and performer group are fixed");
        }
        applyStep(mapping, step, definition);
        touch(mapping);
        mapping.flush();
        return mapping;
    }

    @Transactional
    public ProcessMapping removeStep(UUID id, UUID stepId, long version) {
        ProcessMapping mapping = writable(id, version);
        requireStepsEditable(mapping);
        ProcessStep step = step(mapping, stepId);
        if (step.sharingMappingId != null) {
            throw ProblemException.conflict("the step has a proposal (sharing mapping " + step.sharingMappingId
                    + "); retire the mapping's proposal instead of removing the step");
        }
        mapping.steps.remove(step);
        touch(mapping);
        mapping.flush();
        return mapping;
    }

    /** Proposes a new performer group for a step: creates a sharing mapping in status proposed. */
    @Transactional
    public ProcessMapping propose(UUID id, UUID stepId, long version, String toGroup, Set<String> extraCompetences,
                                  String requiredTraining, SupervisionLevel supervision, String legalBasis) {
        ProcessMapping mapping = writable(id, version);
        if (!mapping.phase.allowsProposals()) {
            throw ProblemException.rule("proposals are made in the ANALYSIS or PROPOSAL phase; this process mapping "
                    + "is in " + mapping.phase, List.of(new Problem.Violation("phase", "is " + mapping.phase)));
        }
        ProcessStep step = step(mapping, stepId);
        if (step.sharingMappingId != null) {
            SharingMapping existing = SharingMapping.findById(step.sharingMappingId);
            if (existing != null && existing.status != MappingStatus.RETIRED) {
                throw ProblemException.conflict("the step already has a live proposal (sharing mapping "
                        + existing.id + ")");
            }
        }
        SharingMapping proposal = sharingMappings.createProposed(new MappingDefinition(step.taskCode,
                step.performerGroup, toGroup, extraCompetences, requiredTraining, supervision, legalBasis), mapping.id);
        step.proposedGroup = toGroup;
        step.sharingMappingId = proposal.id;
        touch(mapping);
        mapping.flush();
        return mapping;
    }

    @Transactional
    public ProcessMapping changePhase(UUID id, long version, ProcessPhase target) {
        ProcessMapping mapping = writable(id, version);
        ProcessPhase from = mapping.phase;
        if (from.next().filter(target::equals).isEmpty()) {
            throw ProblemException.conflict("a process mapping in " + from + " moves on to "
                    + from.next().map(Enum::name).orElse("nothing (it is finished)") + ", not to " + target);
        }
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
        mapping.phase = target;
        touch(mapping);
        mapping.flush();
        outbox.publish(TaskEvents.PROCESS_PHASE_CHANGED, mapping.id, mapping.rhf,
                TaskEvents.PhaseChangedData.of(mapping, from));
        return mapping;
    }

    private void applyStep(ProcessMapping mapping, ProcessStep step, StepDefinition definition) {
        if (catalogue.applicableIn(definition.taskCode(), mapping.rhf) == null) {
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
        if (mapping.phase.compareTo(ProcessPhase.PROPOSAL) > 0) {
            throw ProblemException.rule("steps are fixed once the trial has started",
                    List.of(new Problem.Violation("phase", "is " + mapping.phase)));
        }
    }

    private static ProcessStep step(ProcessMapping mapping, UUID stepId) {
        return mapping.steps.stream().filter(s -> s.id.equals(stepId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Process step", stepId));
    }

    private void describe(ProcessMapping mapping, String name, String description, boolean unionRepresentative,
                          List<String> participants) {
        mapping.name = name;
        mapping.description = description;
        mapping.unionRepresentativeInvolved = unionRepresentative;
        mapping.participants.clear();
        mapping.participants.addAll(participants == null ? List.of() : participants);
        touch(mapping);
    }

    private void touch(ProcessMapping mapping) {
        mapping.updatedAt = clock.instant();
        mapping.updatedBy = caller.id();
    }

    private ProcessMapping writable(UUID id, long version) {
        ProcessMapping mapping = id == null ? null : ProcessMapping.findById(id);
        if (mapping == null || !mapping.rhf.equals(caller.rhf())) {
            throw ProblemException.notFound("Process mapping", id);
        }
        requireHfAccess(mapping.hf);
        if (mapping.version != version) {
            throw ProblemException.staleVersion(version, mapping.version);
        }
        return mapping;
    }

    /** RHF admins work across their RHF; a unit leader only inside the HF the token names. */
    private void requireHfAccess(String hf) {
        if (caller.hasRole(Roles.RHF_ADMIN)) {
            return;
        }
        if (!caller.hasRole(Roles.UNIT_LEADER) || caller.hf().filter(hf::equals).isEmpty()) {
            throw ProblemException.forbidden("Only an RHF admin or a unit leader of " + hf + " changes its process mappings");
        }
    }
}
