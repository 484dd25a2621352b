package no.torn.competence.application.register;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.competence.application.Records;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.EmploymentStatus;
import no.torn.competence.domain.register.PersonnelCategories;
import no.torn.competence.domain.register.ReconciliationRun;
import no.torn.competence.domain.register.RegisterMatch;
import no.torn.competence.domain.register.RegisterPerson;
import no.torn.competence.domain.register.RunStatus;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Transitions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.time.Today;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional steps of a reconciliation with HPR: open a run, list whom to ask, apply one person's answer to
 * their authorisation records, close the run. The register is asked between these transactions, never inside one.
 * The register columns of a record are written with SQL of their own: a check changes neither the record's version,
 * nor its status, nor its validity, so it publishes no record event and races no user's change.
 */
@ApplicationScoped
public class RegisterChecks {

    public static final String RUN_ENTITY = "REGISTER_RECONCILIATION";
    public static final String AUTHORISATION_MISMATCH = "authorisation-mismatch";

    /** An employee to ask about, with the HPR number the question uses. */
    public record Candidate(UUID employeeId, String hprNumber) {
    }

    /** What one person's answer did to their records. */
    public record Applied(int checked, int flagged, int cleared) {
        static final Applied NONE = new Applied(0, 0, 0);
    }

    /** What the audit trail keeps of a record's register check. */
    record RegisterSnapshot(String registerStatus, String registerMismatch) {
    }

    /** The run's audit snapshot: its summary. */
    record RunSnapshot(RunStatus status, UUID employeeId, int checked, int mismatches, int cleared, int errors,
                       String failure) {
        static RunSnapshot of(ReconciliationRun r) {
            return new RunSnapshot(r.status, r.employeeId, r.checked, r.mismatches, r.cleared, r.errors, r.failure);
        }
    }

    /** Payload of authorisation-mismatch: ids and codes only (see the README on the HPR number). */
    public record MismatchData(UUID recordId, UUID employeeId, String rhf, String hf, String competenceCode,
                               String reason, String registerStatus, Instant checkedAt, UUID runId) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Today today;

    /**
     * Opens a run for {@code rhf}, or for one employee (404 when the actor may not see them; the run then belongs to
     * the employee's RHF).
     */
    @Transactional
    public ReconciliationRun start(Actor actor, String rhf, UUID employeeId, ReconciliationRun.Trigger trigger) {
        ReconciliationRun run = new ReconciliationRun();
        if (employeeId != null) {
            Employee e = Employee.findById(employeeId);
            actor.visible(e, e == null ? null : e.rhf, e == null ? null : e.hf, "Employee", employeeId);
            rhf = e.rhf;
        }
        run.id = UUID.randomUUID();
        run.rhf = rhf;
        run.employeeId = employeeId;
        run.trigger = trigger;
        run.startedBy = actor.id();
        run.startedAt = today.now();
        run.status = RunStatus.RUNNING;
        run.persist();
        return run;
    }

    /**
     * Active employees of the run's scope with an HPR number and at least one ACTIVE record of an authorisation the
     * register can confirm.
     */
    @Transactional
    public List<Candidate> candidates(String rhf, UUID employeeId) {
        var query = em.createNativeQuery("""
                        select e.id, e.hpr_number from employee e
                        where e.rhf = :rhf and e.status = 'ACTIVE' and e.hpr_number is not null
                          and exists (select 1 from competence_record r
                                      where r.employee_id = e.id and r.status = 'ACTIVE' and r.type_code in (:types))
                        """ + (employeeId == null ? "" : " and e.id = :employee") + " order by e.id")
                .setParameter("rhf", rhf).setParameter("types", PersonnelCategories.reconciledTypes());
        if (employeeId != null) {
            query.setParameter("employee", employeeId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Candidate> candidates = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            candidates.add(new Candidate((UUID) row[0], (String) row[1]));
        }
        return candidates;
    }

    /**
     * Applies the register's answer about one person to their ACTIVE authorisation records (R-AUTH-03). A record
     * that stops matching, or matches no longer for another reason, is flagged, audited and announced
     * (authorisation-mismatch); a flagged record the register confirms again is cleared and audited. Every record
     * compared gets its check time. Nothing is applied when the employee left or their HPR number changed since the
     * question was asked.
     */
    @Transactional
    public Applied apply(Actor actor, UUID runId, Candidate candidate, Optional<RegisterPerson> person) {
        Employee e = Employee.findById(candidate.employeeId());
        if (e == null || e.status != EmploymentStatus.ACTIVE || !candidate.hprNumber().equals(e.hprNumber)) {
            return Applied.NONE;
        }
        LocalDate day = today.date();
        Instant now = today.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, type_code, register_status, register_mismatch, rhf, hf from competence_record
                        where employee_id = :employee and status = 'ACTIVE' and type_code in (:types)
                        order by id for update""")
                .setParameter("employee", e.id).setParameter("types", PersonnelCategories.reconciledTypes())
                .getResultList();
        int flagged = 0;
        int cleared = 0;
        for (Object[] row : rows) {
            UUID recordId = (UUID) row[0];
            String typeCode = (String) row[1];
            RegisterSnapshot before = new RegisterSnapshot((String) row[2], (String) row[3]);
            String rhf = (String) row[4];
            String hf = (String) row[5];
            RegisterMatch.Outcome outcome = RegisterMatch.of(PersonnelCategories.of(typeCode), person, day);
            RegisterSnapshot after = new RegisterSnapshot(outcome.registerStatus(),
                    outcome.confirmed() ? null : outcome.mismatch().name());
            em.createNativeQuery("""
                            update competence_record
                            set register_status = :status, register_mismatch = :mismatch, register_checked_at = :at
                            where id = :id""")
                    .setParameter("status", after.registerStatus()).setParameter("mismatch", after.registerMismatch())
                    .setParameter("at", now).setParameter("id", recordId).executeUpdate();
            Audited what = new Audited(Records.ENTITY, recordId, rhf, hf);
            if (!outcome.confirmed() && !Objects.equals(before, after)) {
                audit.record(actor, what, "REGISTER_MISMATCH", before, after,
                        RegisterMatch.RULE + ": HPR reports " + outcome.mismatch() + " for " + typeCode);
                outbox.publish(CompetenceEvents.type(AUTHORISATION_MISMATCH), recordId, rhf,
                        new MismatchData(recordId, e.id, rhf, hf, typeCode, outcome.mismatch().name(),
                                outcome.registerStatus(), now, runId));
                flagged++;
            } else if (outcome.confirmed() && before.registerMismatch() != null) {
                audit.record(actor, what, "REGISTER_CONFIRMED", before, after,
                        RegisterMatch.RULE + ": HPR confirms " + typeCode);
                cleared++;
            }
        }
        return new Applied(rows.size(), flagged, cleared);
    }

    /** Closes the run with its counts, audited as a line of its own. */
    @Transactional
    public ReconciliationRun finish(Actor actor, UUID runId, RunStatus status, int checked, int mismatches,
                                    int cleared, int errors, String failure) {
        ReconciliationRun run = ReconciliationRun.findById(runId);
        run.status = Transitions.move(run.status, status, "Reconciliation run " + runId);
        run.checked = checked;
        run.mismatches = mismatches;
        run.cleared = cleared;
        run.errors = errors;
        run.failure = AuditTrail.clip(failure);
        run.finishedAt = today.now();
        audit.record(actor, new Audited(RUN_ENTITY, run.id, run.rhf, null), status.name(), null,
                RunSnapshot.of(run), failure);
        return run;
    }
}
