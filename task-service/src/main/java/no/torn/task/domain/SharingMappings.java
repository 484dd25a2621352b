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

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Commands on sharing mappings of the caller's RHF. Transitions: draft → proposed (unit leader or RHF admin),
 * proposed → approved (RHF admin), any live state → retired (RHF admin); anything else is a 409. The mapping rules
 * are checked again on every transition because the task may have changed since the draft.
 */
@ApplicationScoped
public class SharingMappings {

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

    public SharingMapping visible(UUID id) {
        SharingMapping mapping = id == null ? null : SharingMapping.findById(id);
        return caller.visible(mapping, mapping == null ? null : mapping.rhf, "Sharing mapping", id);
    }

    @Transactional
    public SharingMapping create(MappingDefinition definition, String idempotencyKey) {
        if (idempotencyKey != null) {
            SharingMapping earlier = SharingMapping.find("createdBy = ?1 and idempotencyKey = ?2", caller.id(),
                    idempotencyKey).firstResult();
            if (earlier != null) {
                return earlier;
            }
        }
        SharingMapping mapping = newMapping(definition, null);
        mapping.idempotencyKey = idempotencyKey;
        mapping.persistAndFlush();
        return mapping;
    }

    /** Used by a process mapping: the new performer group goes straight to "proposed". */
    @Transactional(Transactional.TxType.MANDATORY)
    public SharingMapping createProposed(MappingDefinition definition, UUID processMappingId) {
        SharingMapping mapping = newMapping(definition, processMappingId);
        mapping.status = MappingStatus.PROPOSED;
        mapping.proposedAt = mapping.createdAt;
        mapping.proposedBy = mapping.createdBy;
        mapping.persistAndFlush();
        outbox.publish(TaskEvents.MAPPING_PROPOSED, mapping.id, mapping.rhf, TaskEvents.SharingMappingData.of(mapping));
        return mapping;
    }

    @Transactional
    public SharingMapping update(UUID id, long version, MappingDefinition definition) {
        SharingMapping mapping = writable(id, version);
        if (mapping.status != MappingStatus.DRAFT) {
            throw ProblemException.conflict("only a draft mapping can be changed; this one is " + mapping.status);
        }
        Task task = task(definition.taskCode());
        PersonnelGroup from = groups.require(definition.fromGroup(), "fromGroup");
        PersonnelGroup to = groups.require(definition.toGroup(), "toGroup");
        checkRules(task, from, to, definition.supervisionLevel(), mapping.id);
        apply(mapping, task, definition);
        mapping.updatedAt = clock.instant();
        mapping.updatedBy = caller.id();
        mapping.flush();
        return mapping;
    }

    @Transactional
    public SharingMapping propose(UUID id, long version) {
        SharingMapping mapping = transition(id, version, MappingStatus.PROPOSED);
        mapping.proposedAt = mapping.updatedAt;
        mapping.proposedBy = mapping.updatedBy;
        mapping.flush();
        outbox.publish(TaskEvents.MAPPING_PROPOSED, mapping.id, mapping.rhf, TaskEvents.SharingMappingData.of(mapping));
        return mapping;
    }

    @Transactional
    public SharingMapping approve(UUID id, long version) {
        requireRole(Roles.RHF_ADMIN, "Only an RHF admin approves sharing mappings");
        SharingMapping mapping = transition(id, version, MappingStatus.APPROVED);
        mapping.approvedAt = mapping.updatedAt;
        mapping.approvedBy = mapping.updatedBy;
        mapping.flush();
        outbox.publish(TaskEvents.MAPPING_APPROVED, mapping.id, mapping.rhf, TaskEvents.SharingMappingData.of(mapping));
        return mapping;
    }

    @Transactional
    public SharingMapping retire(UUID id, long version) {
        requireRole(Roles.RHF_ADMIN, "Only an RHF admin retires sharing mappings");
        SharingMapping mapping = transition(id, version, MappingStatus.RETIRED);
        mapping.retiredAt = mapping.updatedAt;
        mapping.retiredBy = mapping.updatedBy;
        mapping.flush();
        outbox.publish(TaskEvents.MAPPING_RETIRED, mapping.id, mapping.rhf, TaskEvents.SharingMappingData.of(mapping));
        return mapping;
    }

    private SharingMapping transition(UUID id, long version, MappingStatus target) {
        SharingMapping mapping = writable(id, version);
        if (!mapping.status.canMoveTo(target)) {
            throw ProblemException.conflict("a " + mapping.status + " mapping cannot become " + target);
        }
        if (target != MappingStatus.RETIRED) {
            checkRules(mapping.task, groups.require(mapping.fromGroup, "fromGroup"),
                    groups.require(mapping.toGroup, "toGroup"), mapping.supervisionLevel, mapping.id);
        }
        mapping.status = target;
        mapping.updatedAt = clock.instant();
        mapping.updatedBy = caller.id();
        return mapping;
    }

    private SharingMapping newMapping(MappingDefinition definition, UUID processMappingId) {
        Task task = task(definition.taskCode());
        PersonnelGroup from = groups.require(definition.fromGroup(), "fromGroup");
        PersonnelGroup to = groups.require(definition.toGroup(), "toGroup");
        checkRules(task, from, to, definition.supervisionLevel(), null);
        Instant now = clock.instant();
        SharingMapping mapping = new SharingMapping();
        mapping.id = UUID.randomUUID();
        mapping.rhf = caller.rhf();
        mapping.status = MappingStatus.DRAFT;
        mapping.processMappingId = processMappingId;
        mapping.createdAt = now;
        mapping.createdBy = caller.id();
        mapping.updatedAt = now;
        mapping.updatedBy = caller.id();
        apply(mapping, task, definition);
        return mapping;
    }

    private static void apply(SharingMapping mapping, Task task, MappingDefinition definition) {
        mapping.task = task;
        mapping.taskCode = task.code;
        mapping.fromGroup = definition.fromGroup();
        mapping.toGroup = definition.toGroup();
        mapping.extraRequiredCompetences.clear();
        mapping.extraRequiredCompetences.addAll(definition.extraRequiredCompetences());
        mapping.requiredTraining = definition.requiredTraining();
        mapping.supervisionLevel = definition.supervisionLevel();
        mapping.legalBasis = definition.legalBasis();
    }

    /** A mapping of the caller's own RHF, at the version the client last read. */
    private SharingMapping writable(UUID id, long version) {
        SharingMapping mapping = id == null ? null : SharingMapping.findById(id);
        if (mapping == null || !mapping.rhf.equals(caller.rhf())) {
            throw ProblemException.notFound("Sharing mapping", id);
        }
        if (mapping.version != version) {
            throw ProblemException.staleVersion(version, mapping.version);
        }
        return mapping;
    }

    private Task task(String code) {
        Task task = catalogue.applicableIn(code, caller.rhf());
        if (task == null) {
            throw ProblemException.rule("no task " + code + " in the catalogue of " + caller.rhf(),
                    List.of(new Problem.Violation("taskCode", "unknown task " + code)));
        }
        return task;
    }

    private void checkRules(Task task, PersonnelGroup from, PersonnelGroup to, SupervisionLevel supervision,
                            UUID self) {
        List<Problem.Violation> violations = MappingRules.check(task, from, to, supervision);
        if (!violations.isEmpty()) {
            throw ProblemException.rule("The sharing mapping breaks "
                    + (violations.size() == 1 ? "a rule: " + violations.get(0).message() : violations.size() + " rules"),
                    violations);
        }
        long others = SharingMapping.count("rhf = ?1 and taskCode = ?2 and fromGroup = ?3 and toGroup = ?4 "
                        + "and status <> ?5 and id <> ?6", caller.rhf(), task.code, from.code, to.code,
                MappingStatus.RETIRED, self == null ? new UUID(0, 0) : self);
        if (others > 0) {
            throw ProblemException.rule("an active mapping of task " + task.code + " from " + from.code + " to "
                    + to.code + " already exists in " + caller.rhf(), List.of(new Problem.Violation("toGroup",
                    "duplicates an active mapping")));
        }
    }

    private void requireRole(String role, String detail) {
        if (!caller.hasRole(role)) {
            throw ProblemException.forbidden(detail);
        }
    }
}
