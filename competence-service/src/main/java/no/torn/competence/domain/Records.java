package no.torn.competence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Commands on competence records: register, update validity/evidence, attest, revoke, expire. */
@ApplicationScoped
public class Records {

    @Inject
    EntityManager em;

    @Inject
    CompetenceEvents events;

    @Inject
    RecordHistory history;

    @Inject
    Today today;

    /** A type usable for an employee of {@code rhf}: national, or local to that RHF. */
    public static CompetenceType usableType(String code, String rhf, String field) {
        CompetenceType type = code == null ? null : CompetenceType.findById(code);
        if (type == null || !(type.isNational() || type.rhf.equals(rhf))) {
            throw ProblemException.invalid(field, "unknown competence type " + code);
        }
        return type;
    }

    /** Default trust: verified when there is a document to check, otherwise the person's own word. */
    public static TrustLevel initialTrust(TrustLevel requested, String documentRef, String field) {
        if (requested == TrustLevel.ATTESTED) {
            throw ProblemException.invalid(field, "ATTESTED is set by an attestation, not on registration");
        }
        if (requested != null) {
            return requested;
        }
        return documentRef != null && !documentRef.isBlank() ? TrustLevel.VERIFIED : TrustLevel.SELF_DECLARED;
    }

    @Transactional
    public CompetenceRecord register(UUID employeeId, String competenceCode, LocalDate acquiredOn,
                                     LocalDate validUntil, String issuer, String documentRef, TrustLevel trust,
                                     RecordSource source, String actor) {
        Employee e = Employee.findById(employeeId);
        if (e.status != EmploymentStatus.ACTIVE) {
            throw ProblemException.rule("Employee " + employeeId + " has left; no new records can be registered");
        }
        CompetenceType type = usableType(competenceCode, e.rhf, "competenceCode");
        LocalDate day = today.date();
        if (acquiredOn.isAfter(day)) {
            throw ProblemException.invalid("acquiredOn", "must not be in the future");
        }
        LocalDate until = validUntil != null ? validUntil : type.defaultValidUntil(acquiredOn);
        if (until != null && until.isBefore(acquiredOn)) {
            throw ProblemException.invalid("validUntil", "must not be before acquiredOn");
        }
        if (type.evidenceRequired && (documentRef == null || documentRef.isBlank())) {
            throw ProblemException.invalid("evidence.documentReference", "is required for " + type.code);
        }
        if (CompetenceRecord.count("employee.id = ?1 and typeCode = ?2 and acquiredOn = ?3", employeeId,
                type.code, acquiredOn) > 0) {
            throw ProblemException.conflict("A record of " + type.code + " acquired on " + acquiredOn
                    + " already exists for this employee");
        }
        CompetenceRecord r = new CompetenceRecord();
        r.id = UUID.randomUUID();
        r.employee = e;
        r.rhf = e.rhf;
        r.hf = e.hf;
        r.unit = e.unit;
        r.employeeNumber = e.employeeNumber;
        r.typeCode = type.code;
        r.acquiredOn = acquiredOn;
        r.validUntil = until;
        r.evidenceIssuer = blankToNull(issuer);
        r.evidenceDocumentRef = blankToNull(documentRef);
        r.source = source;
        r.trustLevel = initialTrust(trust, documentRef, "trustLevel");
        r.status = Validity.statusOn(until, day);
        r.createdAt = r.updatedAt = today.now();
        r.createdBy = r.updatedBy = actor;
        r.persist();
        history.write(r, null, "REGISTERED", actor);
        em.flush();
        events.record(CompetenceEvents.RECORD_REGISTERED, r, e, r.version);
        if (r.status == RecordStatus.EXPIRED) {
            // Registered already lapsed: consumers suspend what depends on it right away, not at the next job run.
            events.record(CompetenceEvents.RECORD_EXPIRED, r, e, r.version);
        }
        return r;
    }

    @Transactional
    public CompetenceRecord update(UUID id, LocalDate validUntil, String issuer, String documentRef, Long version,
                                   String actor) {
        CompetenceRecord r = CompetenceRecord.findById(id);
        Employees.requireVersion(version, r.version);
        if (r.status == RecordStatus.REVOKED) {
            throw ProblemException.rule("Record " + id + " is revoked and can no longer be changed");
        }
        if (validUntil.isBefore(r.acquiredOn)) {
            throw ProblemException.invalid("validUntil", "must not be before acquiredOn");
        }
        CompetenceType type = CompetenceType.findById(r.typeCode);
        if (type.evidenceRequired && (documentRef == null || documentRef.isBlank())) {
            throw ProblemException.invalid("evidence.documentReference", "is required for " + type.code);
        }
        Map<String, Object> before = RecordHistory.snapshot(r);
        boolean validityChanged = !Objects.equals(r.validUntil, validUntil);
        r.validUntil = validUntil;
        r.evidenceIssuer = blankToNull(issuer);
        r.evidenceDocumentRef = blankToNull(documentRef);
        r.status = Validity.statusOn(validUntil, today.date());
        if (before.equals(RecordHistory.snapshot(r))) {
            return r;
        }
        r.updatedAt = today.now();
        r.updatedBy = actor;
        if (validityChanged) {
            clearExpiryNotices(r.id);
        }
        history.write(r, before, "UPDATED", actor);
        em.flush();
        events.record(CompetenceEvents.RECORD_UPDATED, r, r.employee, r.version);
        if (r.status == RecordStatus.EXPIRED && validityChanged) {
            events.record(CompetenceEvents.RECORD_EXPIRED, r, r.employee, r.version);
        }
        return r;
    }

    void clearExpiryNotices(UUID recordId) {
        em.createNativeQuery("delete from record_expiry_notice where record_id = ?1")
                .setParameter(1, recordId).executeUpdate();
    }

    @Transactional
    public CompetenceRecord revoke(UUID id, String reason, Long version, String actor) {
        CompetenceRecord r = CompetenceRecord.findById(id);
        Employees.requireVersion(version, r.version);
        if (r.status == RecordStatus.REVOKED) {
            throw ProblemException.conflict("Record " + id + " is already revoked");
        }
        Map<String, Object> before = RecordHistory.snapshot(r);
        r.status = RecordStatus.REVOKED;
        r.revocationReason = reason;
        r.updatedAt = today.now();
        r.updatedBy = actor;
        history.write(r, before, "REVOKED", actor);
        em.flush();
        events.record(CompetenceEvents.RECORD_REVOKED, r, r.employee, r.version);
        return r;
    }

    @Transactional
    public CompetenceRecord attest(UUID id, UUID attestedBy, int level, Long version, String actor) {
        CompetenceRecord r = CompetenceRecord.findById(id);
        Employees.requireVersion(version, r.version);
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
        if (attestor.id.equals(r.employee.id)) {
            throw ProblemException.rule("An employee cannot attest their own competence");
        }
        Map<String, Object> before = RecordHistory.snapshot(r);
        r.attestedBy = attestor.id;
        r.attestedAt = today.now();
        r.attestationLevel = level;
        if (r.trustLevel.compareTo(TrustLevel.ATTESTED) < 0) {
            r.trustLevel = TrustLevel.ATTESTED;
        }
        r.updatedAt = today.now();
        r.updatedBy = actor;
        history.write(r, before, "ATTESTED", actor);
        em.flush();
        events.record(CompetenceEvents.RECORD_ATTESTED, r, r.employee, r.version);
        return r;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
