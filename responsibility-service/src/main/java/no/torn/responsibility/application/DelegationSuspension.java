package no.torn.responsibility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.time.Today;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.CompetenceCheck;
import no.torn.responsibility.domain.CompetenceRecordView;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import no.torn.responsibility.domain.EmployeeView;
import no.torn.responsibility.domain.Locks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Delegations that stop because something they rest on changed: a competence no longer valid, an employee who moved
 * or left, a clarification suspended, lapsed or revoked. Every stop is an ordinary transition of {@link Delegations},
 * audited and announced like a leader's.
 */
@ApplicationScoped
public class DelegationSuspension {

    @Inject
    Today today;

    @Inject
    Locks locks;

    @Inject
    Delegations delegations;

    /**
     * After a competence record of the employee changed: every active delegation whose relied-on competences are no
     * longer all valid today (Norwegian day) is suspended, naming the competence that caused it.
     */
    @Transactional
    public int competenceChanged(Actor actor, UUID employeeId, CompetenceRecordView changed, String cause) {
        locks.employee(employeeId);
        List<Delegation> active = Delegation.activeOfEmployee(employeeId);
        if (active.isEmpty()) {
            return 0;
        }
        List<CompetenceCheck.Held> held = CompetenceRecordView.ofEmployee(employeeId).stream()
                .map(CompetenceRecordView::held).toList();
        return stopWhereMissing(actor, active, held, changed, cause);
    }

    /**
     * HPR does not confirm one of the employee's authorisation records (competence-service's reconciliation,
     * R-AUTH-03). The record keeps its validity in the read model, so the employee's delegations are checked as if
     * it (and any other record of the same code) were revoked: an active delegation that then lacks a required
     * competence is suspended naming it, one not yet confirmed ends (CREATED cannot become SUSPENDED). Delegations
     * already suspended or ended are left alone, so a repeated announcement changes nothing.
     */
    @Transactional
    public int authorisationDisputed(Actor actor, UUID employeeId, UUID recordId, String competenceCode,
                                     String cause) {
        locks.employee(employeeId);
        List<Delegation> open = Delegation.list("employeeId = ?1 and status in ?2 order by createdAt", employeeId,
                List.of(DelegationStatus.CREATED, DelegationStatus.ACTIVE));
        if (open.isEmpty()) {
            return 0;
        }
        List<CompetenceRecordView> records = CompetenceRecordView.ofEmployee(employeeId);
        CompetenceRecordView disputed = records.stream().filter(r -> r.recordId.equals(recordId)).findFirst()
                .orElseGet(() -> {
                    CompetenceRecordView unknown = new CompetenceRecordView();
                    unknown.recordId = recordId;
                    unknown.competenceCode = competenceCode;
                    return unknown;
                });
        List<CompetenceCheck.Held> all = records.stream().map(CompetenceRecordView::held).toList();
        List<CompetenceCheck.Held> held = records.stream()
                .filter(r -> !r.recordId.equals(recordId) && !competenceCode.equals(r.competenceCode))
                .map(CompetenceRecordView::held).toList();
        // Only the delegations that rest on the disputed record: what it lacks without the record, it has with it.
        LocalDate day = today.date();
        List<Delegation> resting = open.stream().filter(d -> {
            List<String> without = new ArrayList<>(CompetenceCheck.missing(d.requiredCompetences, held, day));
            without.removeAll(CompetenceCheck.missing(d.requiredCompetences, all, day));
            return !without.isEmpty();
        }).toList();
        return stopWhereMissing(actor, resting, held, disputed, cause);
    }

    /**
     * Suspends each active delegation (ends each not yet confirmed) whose required competences {@code held} no
     * longer covers on the Norwegian day, naming the competence that caused it.
     */
    private int stopWhereMissing(Actor actor, List<Delegation> open, List<CompetenceCheck.Held> held,
                                 CompetenceRecordView changed, String cause) {
        LocalDate day = today.date();
        int stopped = 0;
        for (Delegation d : open) {
            List<String> missing = CompetenceCheck.missing(d.requiredCompetences, held, day);
            if (missing.isEmpty()) {
                continue;
            }
            if (d.status == DelegationStatus.ACTIVE) {
                delegations.suspendNow(actor, d, cause, causingCode(missing, changed));
            } else {
                delegations.endNow(actor, d, cause + " (not yet confirmed, so it ends)");
            }
            stopped++;
        }
        return stopped;
    }

    /** The employee left (their delegations end) or moved (those bound to the old unit are suspended). */
    @Transactional
    public void employmentChanged(Actor actor, EmployeeView employee) {
        locks.employee(employee.employeeId);
        List<Delegation> open = Delegation.list("employeeId = ?1 and status in ?2", employee.employeeId,
                DelegationStatus.OPEN);
        for (Delegation d : open) {
            if (!employee.isActive()) {
                delegations.endNow(actor, d, "Employee left the organisation");
            } else if (d.status == DelegationStatus.ACTIVE
                    && (!d.hf.equals(employee.hf) || !d.unit.equals(employee.unit))) {
                delegations.suspendNow(actor, d, "Employee moved to another unit", null);
            }
        }
    }

    /**
     * The clarification stopped being in force (suspended or lapsed): its active delegations are suspended. One not
     * yet confirmed cannot be: only the employee's own confirmation makes a delegation ACTIVE, and a leader's
     * re-confirmation of a SUSPENDED one would bypass it. So it ends (CREATED → ENDED is its lifecycle's only way
     * out besides confirmation); after a new approval the leader delegates again and the employee confirms anew.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspendAllOf(Actor actor, Clarification c, String reason) {
        for (Delegation d : Delegation.<Delegation>list("clarificationId = ?1 and status in ?2 order by createdAt",
                c.id, List.of(DelegationStatus.CREATED, DelegationStatus.ACTIVE))) {
            if (d.status == DelegationStatus.ACTIVE) {
                delegations.suspendNow(actor, d, reason, null);
            } else {
                delegations.endNow(actor, d, reason + " (not yet confirmed, so it ends)");
            }
        }
    }

    /** The clarification was revoked: its open delegations end. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAllOf(Actor actor, Clarification c, String reason) {
        Delegation.<Delegation>list("clarificationId = ?1 and status in ?2", c.id, DelegationStatus.OPEN)
                .forEach(d -> delegations.endNow(actor, d, reason));
    }

    /** Prefer the changed record's own code, then a code it implied, then the first missing one. */
    private static String causingCode(List<String> missing, CompetenceRecordView changed) {
        if (changed != null) {
            if (missing.contains(changed.competenceCode)) {
                return changed.competenceCode;
            }
            for (String implied : changed.impliedCodes) {
                if (missing.contains(implied)) {
                    return implied;
                }
            }
        }
        return missing.get(0);
    }
}
