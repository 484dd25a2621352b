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
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Commands on the task catalogue. National tasks are written only by national admins; RHF-local tasks and local
 * variants of national tasks only by an RHF admin of that RHF.
 */
@ApplicationScoped
public class TaskCatalogue {

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A task the caller may read: national, or local to the caller's RHF (national admins read all). */
    public Task visible(String code) {
        Task task = code == null ? null : Task.findByCode(code);
        if (task == null || (!task.isNational() && !caller.canSee(task.rhf))) {
            throw ProblemException.notFound("Task", code);
        }
        return task;
    }

    /** A task that applies inside {@code rhf}: national or local to it; null otherwise. */
    public Task applicableIn(String code, String rhf) {
        Task task = code == null ? null : Task.findByCode(code);
        return task != null && (task.isNational() || task.rhf.equals(rhf)) ? task : null;
    }

    @Transactional
    public Task register(String code, boolean national, String variantOf, TaskDefinition definition,
                         String idempotencyKey) {
        if (idempotencyKey != null) {
            Task earlier = Task.find("createdBy = ?1 and idempotencyKey = ?2", caller.id(), idempotencyKey)
                    .firstResult();
            if (earlier != null) {
                return earlier;
            }
        }
        if (national) {
            requireRole(Roles.NATIONAL_ADMIN, "Only a national admin registers national tasks");
            if (variantOf != null) {
                throw ProblemException.invalid("variantOf", "only an RHF-local task can be a variant");
            }
        } else {
            requireRole(Roles.RHF_ADMIN, "Only an RHF admin registers RHF-local tasks");
        }
        if (variantOf != null) {
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
        checkConsistent(definition);
        if (Task.findByCode(code) != null) {
            throw ProblemException.conflict("task code " + code + " is already in use");
        }
        Instant now = clock.instant();
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.code = code;
        task.rhf = national ? null : caller.rhf();
        task.variantOf = variantOf;
        task.status = TaskStatus.ACTIVE;
        task.createdAt = now;
        task.createdBy = caller.id();
        task.idempotencyKey = idempotencyKey;
        apply(task, definition, now);
        task.persistAndFlush();
        outbox.publish(TaskEvents.TASK_REGISTERED, task.code, task.tenant(), TaskEvents.TaskData.of(task));
        return task;
    }

    @Transactional
    public Task update(String code, long version, TaskDefinition definition) {
        Task task = writable(code, version);
        checkConsistent(definition);
        apply(task, definition, clock.instant());
        task.flush();
        outbox.publish(TaskEvents.TASK_UPDATED, task.code, task.tenant(), TaskEvents.TaskData.of(task));
        return task;
    }

    @Transactional
    public Task retire(String code, long version) {
        Task task = writable(code, version);
        task.status = TaskStatus.RETIRED;
        task.updatedAt = clock.instant();
        task.updatedBy = caller.id();
        task.flush();
        outbox.publish(TaskEvents.TASK_RETIRED, task.code, task.tenant(), TaskEvents.TaskData.of(task));
        return task;
    }

    private Task writable(String code, long version) {
        Task task = visible(code);
        if (task.isNational()) {
            requireRole(Roles.NATIONAL_ADMIN, "Only a national admin changes national tasks");
        } else {
            requireRole(Roles.RHF_ADMIN, "Only an RHF admin of " + task.rhf + " changes its local tasks");
            if (!task.rhf.equals(caller.rhf())) {
                throw ProblemException.forbidden("Only an RHF admin of " + task.rhf + " changes its local tasks");
            }
        }
        if (task.version != version) {
            throw ProblemException.staleVersion(version, task.version);
        }
        if (task.status == TaskStatus.RETIRED) {
            throw ProblemException.conflict("task " + code + " is retired");
        }
        return task;
    }

    private void apply(Task task, TaskDefinition definition, Instant now) {
        task.title = definition.title();
        task.description = definition.description();
        task.category = definition.category();
        task.riskLevel = definition.riskLevel();
        task.requiresHealthProfessional = definition.requiresHealthProfessional();
        task.allowsUntrainedStaff = definition.allowsUntrainedStaff();
        task.safetyNote = definition.safetyNote();
        task.requiredCompetences.clear();
        task.requiredCompetences.addAll(new HashSet<>(definition.requiredCompetences()));
        task.updatedAt = now;
        task.updatedBy = caller.id();
    }

    private static void checkConsistent(TaskDefinition definition) {
        if (definition.requiresHealthProfessional() && definition.allowsUntrainedStaff()) {
            throw ProblemException.rule("a task that requires health-professional competence cannot allow staff "
                    + "without health training", List.of(new Problem.Violation("allowsUntrainedStaff",
                    "must be false when requiresHealthProfessional is true")));
        }
    }

    private void requireRole(String role, String detail) {
        if (!caller.hasRole(role)) {
            throw ProblemException.forbidden(detail);
        }
    }
}
