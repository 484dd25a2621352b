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
import no.torn.task.domain.Task;
import no.torn.task.domain.TaskDefinition;
import no.torn.task.domain.TaskStatus;
import no.torn.task.messaging.TaskEvents;
import no.torn.task.messaging.TaskEvents.TaskData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Commands on the task catalogue. National tasks are written only by national admins; RHF-local tasks and local
 * variants of national tasks only by an RHF admin of that RHF. Changes to national tasks are audited under the
 * tenant {@value Task#NATIONAL}, like their events. Required competences are known codes in force, usable where the
 * task applies (R-CAT-01).
 */
@ApplicationScoped
public class TaskCatalogue {

    static final String AUDITED = "TASK";

    /** What a registration asks for; also the request an Idempotency-Key is bound to. */
    public record Registration(String code, boolean national, String variantOf, TaskDefinition definition) {
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
    CompetenceTypes competenceTypes;

    /** A task the actor may read: national, or local to the actor's RHF (national admins read all); else 404. */
    public Task visible(Actor actor, String code) {
        Task task = Task.findByCode(code);
        if (task != null && task.isNational()) {
            return task;
        }
        return actor.visible(task, task == null ? null : task.rhf, "Task", code);
    }

    @Transactional
    public Task register(Actor actor, String idempotencyKey, Registration command) {
        if (command.national()) {
            requireRole(actor, Roles.NATIONAL_ADMIN, "Only a national admin registers national tasks");
        } else {
            requireRole(actor, Roles.RHF_ADMIN, "Only an RHF admin registers RHF-local tasks");
        }
        UUID id = idempotency.once(actor, idempotencyKey, "task.register-task", command, UUID.class,
                () -> create(actor, command).id);
        return Task.findById(id);
    }

    @Transactional
    public Task update(Actor actor, String code, Long version, TaskDefinition definition) {
        Task task = writable(actor, code);
        Versions.require(task.version, version);
        if (task.status == TaskStatus.RETIRED) {
            throw ProblemException.conflict("task " + code + " is retired");
        }
        requireKnownCompetences(task.rhf, definition);
        TaskData before = TaskData.of(task);
        task.define(definition);
        task.touch(today.now(), actor.id());
        task.flush();
        TaskData after = TaskData.of(task);
        audit.record(actor, audited(task), "UPDATED", before, after, null);
        outbox.publish(TaskEvents.TASK_UPDATED, task.code, task.tenant(), after);
        return task;
    }

    @Transactional
    public Task retire(Actor actor, String code, Long version) {
        Task task = writable(actor, code);
        Versions.require(task.version, version);
        TaskData before = TaskData.of(task);
        task.status = Transitions.move(task.status, TaskStatus.RETIRED, "Task " + code);
        task.touch(today.now(), actor.id());
        task.flush();
        TaskData after = TaskData.of(task);
        audit.record(actor, audited(task), "RETIRED", before, after, null);
        outbox.publish(TaskEvents.TASK_RETIRED, task.code, task.tenant(), after);
        return task;
    }

    private Task create(Actor actor, Registration command) {
        String variantOf = command.variantOf();
        if (variantOf != null) {
            if (command.national()) {
                throw ProblemException.invalid("variantOf", "only an RHF-local task can be a variant");
            }
            Task base = Task.findByCode(variantOf);
            if (base == null || !base.isNational()) {
                throw ProblemException.rule("variantOf must name a national task",
                        List.of(new Problem.Violation("variantOf", "no national task " + variantOf)));
            }
            if (base.status == TaskStatus.RETIRED) {
                throw ProblemException.rule("national task " + variantOf + " is retired",
                        List.of(new Problem.Violation("variantOf", "task is retired")));
            }
        }
        if (Task.findByCode(command.code()) != null) {
            throw ProblemException.conflict("task code " + command.code() + " is already in use");
        }
        requireKnownCompetences(command.national() ? null : actor.homeRhf(), command.definition());
        Instant now = today.now();
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.code = command.code();
        task.rhf = command.national() ? null : actor.homeRhf();
        task.variantOf = variantOf;
        task.status = TaskStatus.ACTIVE;
        task.createdAt = now;
        task.createdBy = actor.id();
        task.define(command.definition());
        task.touch(now, actor.id());
        task.persistAndFlush();
        TaskData after = TaskData.of(task);
        audit.record(actor, audited(task), "REGISTERED", null, after, null);
        outbox.publish(TaskEvents.TASK_REGISTERED, task.code, task.tenant(), after);
        return task;
    }

    /** R-CAT-01: a 422 naming every required code that is unknown, another RHF's, or retired. */
    private void requireKnownCompetences(String rhf, TaskDefinition definition) {
        competenceTypes.check(RuleCheck.of(), rhf, definition.requiredCompetences(), "requiredCompetences")
                .orThrow();
    }

    /** A task the actor may change: national ones by national admins, local ones by an RHF admin of that RHF. */
    private Task writable(Actor actor, String code) {
        Task task = visible(actor, code);
        if (task.isNational()) {
            requireRole(actor, Roles.NATIONAL_ADMIN, "Only a national admin changes national tasks");
        } else if (!actor.isSystem() && !(actor.hasRole(Roles.RHF_ADMIN) && task.rhf.equals(actor.rhf()))) {
            throw ProblemException.forbidden("Only an RHF admin of " + task.rhf + " changes its local tasks");
        }
        return task;
    }

    private static void requireRole(Actor actor, String role, String detail) {
        if (!actor.isSystem() && !actor.hasRole(role)) {
            throw ProblemException.forbidden(detail);
        }
    }

    private static Audited audited(Task task) {
        return Audited.of(AUDITED, task.code, task.tenant());
    }
}
