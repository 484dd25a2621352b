package no.torn.competence.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.competence.domain.Catalogue;
import no.torn.competence.domain.CompetenceKind;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.CompetenceType;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.EmploymentStatus;
import no.torn.competence.domain.RecordSource;
import no.torn.competence.domain.RecordStatus;
import no.torn.competence.domain.SoundnessRules;
import no.torn.competence.domain.TrustLevel;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.rules.RuleCheck;
import no.torn.platform.time.Today;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Commands on competence records: register, update validity and evidence, attest, revoke, expire. */
@ApplicationScoped
public class Records {

    public static final String ENTITY = "COMPETENCE_RECORD";

    public record Registration(UUID employeeId, String competenceCode, LocalDate acquiredOn, LocalDate validUntil,
                               String evidenceIssuer, String evidenceDocumentReference, TrustLevel trustLevel) {
    }

    public record Change(LocalDate validUntil, String evidenceIssuer, String evidenceDocumentReference,
                         Long version) {
    }

    /** What the audit trail keeps of a record; the record's history shows the differences between two of these. */
    record Snapshot(String competenceCode, LocalDate acquiredOn, LocalDate validUntil, String evidenceIssuer,
                    String evidenceDocumentReference, UUID attestedBy, Integer attestationLevel,
                    TrustLevel trustLevel, RecordStatus status, String revocationReason, String unit) {

        static Snapshot of(CompetenceRecord r) {
            return new Snapshot(r.typeCode, r.acquiredOn, r.validUntil, r.evidenceIssuer, r.evidenceDocumentRef,
                    r.attestedBy, r.attestationLevel, r.trustLevel, r.status, r.revocationReason, r.unit);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    CompetenceEvents events;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Today today;

    @Inject
    Catalogue catalogue;

    /** The record, or 404 when absent or outside the actor's reach. */
    public static CompetenceRecord visible(Actor actor, UUID id) {
        CompetenceRecord r = CompetenceRecord.findById(id);
        return actor.visible(r, r == null ? null : r.rhf, r == null ? null : r.hf, "Competence record", id);
    }

    static Audited audited(CompetenceRecord r) {
        return new Audited(ENTITY, r.id, r.rhf, r.hf);
    }

    /** A type usable for an employee of {@code rhf}: national, or local to that RHF. */
    static CompetenceType usableType(String code, String rhf, String field) {
        CompetenceType type = code == null ? null : CompetenceType.findById(code);
        if (type == null || !(type.isNational() || type.rhf.equals(rhf))) {
            throw ProblemException.invalid(field, "unknown competence type " + code);
        }
        return type;
    }

    /**
     * Registers a record; validUntil defaults from the type. A record already past validUntil is stored EXPIRED and
     * announced as expired in the same transaction. A repeated Idempotency-Key answers the same record.
     */
    @Transactional
    public CompetenceRecord register(Actor actor, String idempotencyKey, Registration in) {
        Employee e = Employee.findById(in.employeeId());
        if (e == null || !actor.canSee(e.rhf)) {
            throw ProblemException.invalid("employeeId", "unknown employee " + in.employeeId());
        }
        actor.visible(e, e.rhf, e.hf, "Employee", e.id);
        if (e.status != EmploymentStatus.ACTIVE) {
            throw ProblemException.rule("Employee " + e.id + " has left; no new records can be registered");
        }
        CompetenceType type = usableType(in.competenceCode(), e.rhf, "competenceCode");
        LocalDate day = today.date();
        if (in.acquiredOn().isAfter(day)) {
            throw ProblemException.invalid("acquiredOn", "must not be in the future");
        }
        LocalDate until = in.validUntil() != null ? in.validUntil() : type.defaultValidUntil(in.acquiredOn());
        if (until != null && until.isBefore(in.acquiredOn())) {
            throw ProblemException.invalid("validUntil", "must not be before acquiredOn");
        }
        String documentRef = blankToNull(in.evidenceDocumentReference());
        requireEvidence(type, documentRef, "evidence.documentReference");
        TrustLevel trust = TrustLevel.initial(in.trustLevel(), documentRef, "trustLevel");
        RuleCheck rules = SoundnessRules.typeInForce(RuleCheck.of(), type, "competenceCode");
        SoundnessRules.holderOf(rules, type, e.personnelGroup, e.hprNumber, "employeeId", "employeeId").orThrow();
        UUID id = idempotency.once(actor, idempotencyKey, "competence.register-record", in, UUID.class, () -> {
            if (CompetenceRecord.count("employee.id = ?1 and typeCode = ?2 and acquiredOn = ?3", e.id, type.code,
                    in.acquiredOn()) > 0) {
                throw ProblemException.conflict("A record of " + type.code + " acquired on " + in.acquiredOn()
                        + " already exists for this employee");
            }
            CompetenceRecord r = CompetenceRecord.of(e);
            r.typeCode = type.code;
            r.acquiredOn = in.acquiredOn();
            r.validUntil = until;
            r.evidenceIssuer = blankToNull(in.evidenceIssuer());
            r.evidenceDocumentRef = documentRef;
            r.source = RecordSource.MANUAL;
            r.trustLevel = trust;
            r.status = RecordStatus.on(until, day);
            r.createdAt = r.updatedAt = today.now();
            r.createdBy = r.updatedBy = actor.id();
            r.persist();
            em.flush();
            audit.record(actor, audited(r), "REGISTERED", null, Snapshot.of(r), null);
            events.record(CompetenceEvents.RECORD_REGISTERED, r, e, r.version);
            if (r.status == RecordStatus.EXPIRED) {
                // Registered already lapsed: consumers suspend what depends on it now, not at the next job run.
                events.record(CompetenceEvents.RECORD_EXPIRED, r, e, r.version);
            }
            return r.id;
        });
        return CompetenceRecord.findById(id);
    }

    /** New validity and evidence; record-expired too when the new validUntil has already passed. */
    @Transactional
    public CompetenceRecord update(Actor actor, UUID id, Change in) {
        CompetenceRecord r = visible(actor, id);
        Versions.require(r.version, in.version());
        if (r.status == RecordStatus.REVOKED) {
            throw ProblemException.rule("Record " + id + " is revoked and can no longer be changed");
        }
        if (in.validUntil().isBefore(r.acquiredOn)) {
            throw ProblemException.invalid("validUntil", "must not be before acquiredOn");
        }
        String documentRef = blankToNull(in.evidenceDocumentReference());
        requireEvidence(CompetenceType.findById(r.typeCode), documentRef, "evidence.documentReference");
        Snapshot before = Snapshot.of(r);
        boolean validityChanged = !Objects.equals(r.validUntil, in.validUntil());
        r.validUntil = in.validUntil();
        r.evidenceIssuer = blankToNull(in.evidenceIssuer());
        r.evidenceDocumentRef = documentRef;
        moveTo(r, RecordStatus.on(r.validUntil, today.date()));
        if (Snapshot.of(r).equals(before)) {
            return r;
        }
        changed(actor, r, "UPDATED", before, null, CompetenceEvents.RECORD_UPDATED);
        if (validityChanged) {
            clearExpiryNotices(List.of(r.id));
            if (r.status == RecordStatus.EXPIRED) {
                events.record(CompetenceEvents.RECORD_EXPIRED, r, r.employee, r.version);
            }
        }
        return r;
    }

    @Transactional
    public CompetenceRecord revoke(Actor actor, UUID id, String reason, Long version) {
        CompetenceRecord r = visible(actor, id);
        Versions.require(r.version, version);
        Snapshot before = Snapshot.of(r);
        r.status = Transitions.move(r.status, RecordStatus.REVOKED, "Competence record " + id);
        r.revocationReason = reason;
        return changed(actor, r, "REVOKED", before, reason, CompetenceEvents.RECORD_REVOKED);
    }

    /** Attests real competence: by which colleague, at which level (1-3); trust rises to ATTESTED. */
    @Transactional
    public CompetenceRecord attest(Actor actor, UUID id, UUID attestedBy, int level, Long version) {
        CompetenceRecord r = visible(actor, id);
        Versions.require(r.version, version);
        CompetenceType type = CompetenceType.findById(r.typeCode);
        if (type.kind != CompetenceKind.REAL) {
            throw ProblemException.rule("Only real competence is attested; " + type.code + " is formal competence");
        }
        if (r.status == RecordStatus.REVOKED) {
            throw ProblemException.rule("Record " + id + " is revoked");
        }
        Employee attestor = Employee.findById(attestedBy);
        if (attestor == null || !attestor.rhf.equals(r.rhf) || attestor.status != EmploymentStatus.ACTIVE) {
            throw ProblemException.invalid("attestedBy", "unknown or inactive employee " + attestedBy);
        }
        if (attestor.id.equals(r.employeeId)) {
            throw ProblemException.rule("An employee cannot attest their own competence");
        }
        LocalDate day = today.date();
        List<CompetenceRecord> held = CompetenceRecord.list("employee.id = ?1 and typeCode in ?2", attestor.id,
                catalogue.implyingCodes(r.typeCode));
        SoundnessRules.attestor(RuleCheck.of(), r.typeCode, held, day).orThrow();
        Snapshot before = Snapshot.of(r);
        r.attestedBy = attestor.id;
        r.attestedAt = today.now();
        r.attestationLevel = level;
        if (r.trustLevel.compareTo(TrustLevel.ATTESTED) < 0) {
            r.trustLevel = TrustLevel.ATTESTED;
        }
        return changed(actor, r, "ATTESTED", before, null, CompetenceEvents.RECORD_ATTESTED);
    }

    /**
     * Marks a lapsed record EXPIRED (the expiry job, in its batch transaction); {@code impliedCodes} are the type's,
     * which the job reads once per batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Actor actor, CompetenceRecord r, List<String> impliedCodes) {
        Snapshot before = Snapshot.of(r);
        r.status = Transitions.move(r.status, RecordStatus.EXPIRED, "Competence record " + r.id);
        stamp(actor, r);
        audit.record(actor, audited(r), "EXPIRED", before, Snapshot.of(r), null);
        events.record(CompetenceEvents.RECORD_EXPIRED, r, r.employee, impliedCodes, null, r.version);
    }

    /** The end of every change: who and when, the version bump (flush), the audit line, the event. */
    private CompetenceRecord changed(Actor actor, CompetenceRecord r, String action, Snapshot before, String reason,
                                     String event) {
        stamp(actor, r);
        audit.record(actor, audited(r), action, before, Snapshot.of(r), reason);
        events.record(event, r, r.employee, r.version);
        return r;
    }

    /** Events carry the version the change commits with, so the flush that bumps it comes first. */
    private void stamp(Actor actor, CompetenceRecord r) {
        r.updatedAt = today.now();
        r.updatedBy = actor.id();
        em.flush();
    }

    /**
     * record-expiring starts over for records whose validUntil changed. The statement flushes pending changes first,
     * so callers run it after they have taken the versions their events carry.
     */
    void clearExpiryNotices(List<UUID> recordIds) {
        em.createNativeQuery("delete from record_expiry_notice where record_id in (:ids)")
                .setParameter("ids", recordIds).executeUpdate();
    }

    static void requireEvidence(CompetenceType type, String documentRef, String field) {
        if (type.evidenceRequired && documentRef == null) {
            throw ProblemException.invalid(field, "is required for " + type.code);
        }
    }

    /** Moves a record's status through the transition guard when it changes. */
    static void moveTo(CompetenceRecord r, RecordStatus target) {
        if (r.status != target) {
            r.status = Transitions.move(r.status, target, "Competence record " + r.id);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
