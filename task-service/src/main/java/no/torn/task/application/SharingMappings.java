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
import no.torn.platform.rules.RuleCheck;
import no.torn.platform.tenancy.Roles;
import no.torn.platform.time.Today;
import no.torn.task.domain.MappingDefinition;
import no.torn.task.domain.MappingRules;
import no.torn.task.domain.MappingStatus;
import no.torn.task.domain.PersonnelGroup;
import no.torn.task.domain.PersonnelGroups;
import no.torn.task.domain.SharingMapping;
import no.torn.task.domain.Task;
import no.torn.task.messaging.TaskEvents;
import no.torn.task.messaging.TaskEvents.SharingMappingData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Commands on an RHF's sharing mappings. Transitions ({@link MappingStatus}): draft → proposed (unit leader or RHF
 * admin), proposed → approved (RHF admin), any live state → retired (RHF admin). The mapping rules are checked again
 * on every transition but retirement, because the task may have changed since the draft. Approvals carry legal
 * weight, so every change is audited.
 */
@ApplicationScoped
public class SharingMappings {

    static final String AUDITED = "SHARING_MAPPING";

    @Inject
    CompetenceTypes competenceTypes;

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

    public SharingMapping visible(Actor actor, UUID id) {
        SharingMapping mapping = id == null ? null : SharingMapping.findById(id);
        return actor.visible(mapping, mapping == null ? null : mapping.rhf, "Sharing mapping", id);
    }

    /** Drafts a mapping in the actor's RHF. */
    @Transactional
    public SharingMapping create(Actor actor, String idempotencyKey, MappingDefinition definition) {
        String rhf = actor.homeRhf();
        UUID id = idempotency.once(actor, idempotencyKey, "task.draft-sharing-mapping", definition, UUID.class,
                () -> {
                    SharingMapping mapping = draft(actor, rhf, definition, null);
                    mapping.persistAndFlush();
                    audit.record(actor, audited(mapping), "DRAFTED", null, SharingMappingData.of(mapping), null);
                    return mapping.id;
                });
        return SharingMapping.findById(id);
    }

    /** A process mapping's proposal: a new mapping that goes straight on from draft to proposed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SharingMapping createProposed(Actor actor, String rhf, MappingDefinition definition,
                                         UUID processMappingId) {
        SharingMapping mapping = draft(actor, rhf, definition, processMappingId);
        mapping.status = Transitions.move(mapping.status, MappingStatus.PROPOSED, "Sharing mapping " + mapping.id);
        mapping.proposedAt = mapping.createdAt;
        mapping.proposedBy = mapping.createdBy;
        mapping.persistAndFlush();
        SharingMappingData after = SharingMappingData.of(mapping);
        audit.record(actor, audited(mapping), "PROPOSED", null, after, null);
        outbox.publish(TaskEvents.MAPPING_PROPOSED, mapping.id, mapping.rhf, after);
        return mapping;
    }

    /** Changes a draft; proposed and later mappings are fixed (409). */
    @Transactional
    public SharingMapping update(Actor actor, UUID id, Long version, MappingDefinition definition) {
        SharingMapping mapping = visible(actor, id);
        Versions.require(mapping.version, version);
        if (mapping.status != MappingStatus.DRAFT) {
            throw ProblemException.conflict("only a draft mapping can be changed; this one is " + mapping.status);
        }
        Task task = task(mapping.rhf, definition.taskCode());
        checkRules(mapping.rhf, task, definition, mapping.id, true);
        SharingMappingData before = SharingMappingData.of(mapping);
        mapping.define(task, definition);
        mapping.touch(today.now(), actor.id());
        mapping.flush();
        audit.record(actor, audited(mapping), "CHANGED", before, SharingMappingData.of(mapping), null);
        return mapping;
    }

    @Transactional
    public SharingMapping propose(Actor actor, UUID id, Long version) {
        return transition(actor, visible(actor, id), version, MappingStatus.PROPOSED, TaskEvents.MAPPING_PROPOSED);
    }

    @Transactional
    public SharingMapping approve(Actor actor, UUID id, Long version) {
        SharingMapping mapping = visible(actor, id);
        requireRhfAdmin(actor, "Only an RHF admin approves sharing mappings");
        return transition(actor, mapping, version, MappingStatus.APPROVED, TaskEvents.MAPPING_APPROVED);
    }

    @Transactional
    public SharingMapping retire(Actor actor, UUID id, Long version) {
        SharingMapping mapping = visible(actor, id);
        requireRhfAdmin(actor, "Only an RHF admin retires sharing mappings");
        return transition(actor, mapping, version, MappingStatus.RETIRED, TaskEvents.MAPPING_RETIRED);
    }

    private SharingMapping transition(Actor actor, SharingMapping mapping, Long version, MappingStatus target,
                                      String eventType) {
        Versions.require(mapping.version, version);
        MappingStatus next = Transitions.move(mapping.status, target, "Sharing mapping " + mapping.id);
        if (next != MappingStatus.RETIRED) {
            checkRules(mapping.rhf, mapping.task, new MappingDefinition(mapping.taskCode, mapping.fromGroup,
                    mapping.toGroup, mapping.extraRequiredCompetences, mapping.requiredTraining,
                    mapping.supervisionLevel, mapping.legalBasis), mapping.id, false);
        }
        SharingMappingData before = SharingMappingData.of(mapping);
        Instant now = today.now();
        mapping.status = next;
        mapping.touch(now, actor.id());
        switch (next) {
            case PROPOSED -> {
                mapping.proposedAt = now;
                mapping.proposedBy = actor.id();
            }
            case APPROVED -> {
                mapping.approvedAt = now;
                mapping.approvedBy = actor.id();
            }
            case RETIRED -> {
                mapping.retiredAt = now;
                mapping.retiredBy = actor.id();
            }
            case DRAFT -> {
            }
        }
        mapping.flush();
        SharingMappingData after = SharingMappingData.of(mapping);
        audit.record(actor, audited(mapping), next.name(), before, after, null);
        outbox.publish(eventType, mapping.id, mapping.rhf, after);
        return mapping;
    }

    private SharingMapping draft(Actor actor, String rhf, MappingDefinition definition, UUID processMappingId) {
        Task task = task(rhf, definition.taskCode());
        checkRules(rhf, task, definition, null, true);
        Instant now = today.now();
        SharingMapping mapping = new SharingMapping();
        mapping.id = UUID.randomUUID();
        mapping.rhf = rhf;
        mapping.status = MappingStatus.DRAFT;
        mapping.processMappingId = processMappingId;
        mapping.createdAt = now;
        mapping.createdBy = actor.id();
        mapping.touch(now, actor.id());
        mapping.define(task, definition);
        return mapping;
    }

    private static Task task(String rhf, String code) {
        Task task = Task.applicableIn(code, rhf);
        if (task == null) {
            throw ProblemException.rule("no task " + code + " in the catalogue of " + rhf,
                    List.of(new Problem.Violation("taskCode", "unknown task " + code)));
        }
        return task;
    }

    /**
     * The mapping rules and at most one live mapping per task and pair, and, where the command sets them, extra
     * competences the catalogue knows and has in force in the RHF (R-CAT-01): a 422 naming every unmet rule.
     */
    private void checkRules(String rhf, Task task, MappingDefinition definition, UUID self, boolean setsCompetences) {
        PersonnelGroup from = groups.require(definition.fromGroup(), "fromGroup");
        PersonnelGroup to = groups.require(definition.toGroup(), "toGroup");
        long others = SharingMapping.count("rhf = ?1 and taskCode = ?2 and fromGroup = ?3 and toGroup = ?4 "
                        + "and status <> ?5 and id <> ?6", rhf, task.code, from.code, to.code,
                MappingStatus.RETIRED, self == null ? new UUID(0, 0) : self);
        RuleCheck check = MappingRules.check(task, from, to, definition.supervisionLevel())
                .require(others == 0, MappingRules.ONE_LIVE_MAPPING, "toGroup", "an active mapping of task "
                        + task.code + " from " + from.code + " to " + to.code + " already exists in " + rhf);
        if (setsCompetences) {
            competenceTypes.check(check, rhf, definition.extraRequiredCompetences(), "extraRequiredCompetences");
        }
        check.orThrow();
    }

    private static void requireRhfAdmin(Actor actor, String detail) {
        if (!actor.isSystem() && !actor.hasRole(Roles.RHF_ADMIN)) {
            throw ProblemException.forbidden(detail);
        }
    }

    private static Audited audited(SharingMapping mapping) {
        return Audited.of(AUDITED, mapping.id, mapping.rhf);
    }
}
