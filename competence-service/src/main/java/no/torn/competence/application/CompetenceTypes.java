package no.torn.competence.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.competence.domain.Catalogue;
import no.torn.competence.domain.CompetenceCategory;
import no.torn.competence.domain.CompetenceKind;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.CompetenceType;
import no.torn.competence.domain.PersonnelGroup;
import no.torn.competence.domain.TypeStatus;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.time.Today;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Commands on the competence catalogue: the national catalogue is maintained by national admins, RHF-local types by
 * that RHF's admins. The implication closure is rebuilt in the same transaction. Every change is announced on the
 * type's own stream (key = code): competence-type-defined on create and update, competence-type-retired on retire
 * and delete, so consumers (the task catalogue) know which codes exist and are in force.
 */
@ApplicationScoped
public class CompetenceTypes {

    public static final String ENTITY = "COMPETENCE_TYPE";

    /**
     * {@code authorisesGroups}: the personnel groups an authorisation authorises; required when creating an
     * authorisation, absent on update keeps them, not allowed for other categories.
     */
    public record Definition(String name, CompetenceKind kind, CompetenceCategory category, Integer validityMonths,
                             boolean evidenceRequired, List<String> implies, List<String> authorisesGroups) {
    }

    public record Creation(String code, boolean national, Definition definition) {
    }

    /** What the audit trail keeps of a type. */
    record Snapshot(String code, String rhf, String name, CompetenceKind kind, CompetenceCategory category,
                    Integer validityMonths, boolean evidenceRequired, List<String> implies,
                    List<String> authorisesGroups, TypeStatus status, Instant retiredAt) {

        static Snapshot of(CompetenceType t) {
            return new Snapshot(t.code, t.rhf, t.name, t.kind, t.category, t.validityMonths, t.evidenceRequired,
                    t.implies.stream().sorted().toList(), t.authorisesGroups.stream().sorted().toList(), t.status,
                    t.retiredAt);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Catalogue catalogue;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Today today;

    @Inject
    CompetenceEvents events;

    /** The type, or 404 when it is absent or local to another RHF. */
    public static CompetenceType visible(Actor actor, String code) {
        CompetenceType t = CompetenceType.findById(code);
        if (t == null || !(t.isNational() || actor.canSee(t.rhf))) {
            throw ProblemException.notFound("Competence type", code);
        }
        return t;
    }

    /** National types have no owning RHF: their audit lines are national, as national tasks' and rounds' are. */
    static Audited audited(Actor actor, CompetenceType t) {
        return Audited.of(ENTITY, t.code, t.isNational() ? Audited.NATIONAL : t.rhf);
    }

    private static void requireMaintainer(Actor actor, boolean national) {
        if (national && !actor.isNationalAdmin()) {
            throw ProblemException.forbidden("Only a national admin maintains the national catalogue");
        }
    }

    @Transactional
    public CompetenceType create(Actor actor, String idempotencyKey, Creation in) {
        requireMaintainer(actor, in.national());
        String code = idempotency.once(actor, idempotencyKey, "competence.create-type", in, String.class, () -> {
            if (CompetenceType.findById(in.code()) != null) {
                throw ProblemException.conflict("Competence type " + in.code() + " already exists");
            }
            CompetenceType t = new CompetenceType();
            t.code = in.code();
            t.rhf = in.national() ? null : actor.homeRhf();
            t.createdAt = today.now();
            t.createdBy = actor.id();
            apply(actor, t, in.definition());
            t.status = TypeStatus.ACTIVE;
            t.persist();
            catalogue.rebuildClosure();
            em.flush();
            audit.record(actor, audited(actor, t), "CREATED", null, Snapshot.of(t), null);
            events.typeDefined(t, t.version);
            return t.code;
        });
        return CompetenceType.findById(code);
    }

    @Transactional
    public CompetenceType update(Actor actor, String code, Definition in, Long version) {
        CompetenceType t = visible(actor, code);
        requireMaintainer(actor, t.isNational());
        Versions.require(t.version, version);
        Snapshot before = Snapshot.of(t);
        apply(actor, t, in);
        catalogue.rebuildClosure();
        em.flush();
        audit.record(actor, audited(actor, t), "UPDATED", before, Snapshot.of(t), null);
        events.typeDefined(t, t.version);
        return t;
    }

    /**
     * Retires a type: it stays readable and its records keep their validity, but no new record of it is registered
     * (R-COMP-04). A retired type answers 409.
     */
    @Transactional
    public CompetenceType retire(Actor actor, String code, Long version) {
        CompetenceType t = visible(actor, code);
        requireMaintainer(actor, t.isNational());
        Versions.require(t.version, version);
        Snapshot before = Snapshot.of(t);
        t.status = Transitions.move(t.status, TypeStatus.RETIRED, "Competence type " + code);
        t.retiredAt = today.now();
        t.retiredBy = actor.id();
        t.updatedAt = t.retiredAt;
        t.updatedBy = actor.id();
        em.flush();
        audit.record(actor, audited(actor, t), "RETIRED", before, Snapshot.of(t), null);
        events.typeRetired(t, t.retiredAt, false, t.version);
        return t;
    }

    /** Deletes a type no record uses and no type implies (409 otherwise). */
    @Transactional
    public void delete(Actor actor, String code) {
        CompetenceType t = visible(actor, code);
        requireMaintainer(actor, t.isNational());
        if (CompetenceRecord.count("typeCode", code) > 0) {
            throw ProblemException.conflict("Competence type " + code + " is used by competence records");
        }
        Number implying = (Number) em.createNativeQuery(
                        "select count(*) from competence_type_implies where implied_code = ?1").setParameter(1, code)
                .getSingleResult();
        if (implying.longValue() > 0) {
            throw ProblemException.conflict("Competence type " + code + " is implied by other types");
        }
        Snapshot before = Snapshot.of(t);
        Audited what = audited(actor, t);
        // The tombstone's version follows the last one announced, so consumers order it after every definition.
        events.typeRetired(t, t.retiredAt != null ? t.retiredAt : today.now(), true, t.version + 1);
        t.delete();
        catalogue.rebuildClosure();
        audit.record(actor, what, "DELETED", before, null, null);
    }

    /** The groups an authorisation authorises, each a known personnel group; none for other categories. */
    private static Set<String> authorisedGroups(CompetenceType t, Definition in) {
        List<String> given = in.authorisesGroups();
        if (in.category() != CompetenceCategory.AUTHORISATION) {
            if (given != null && !given.isEmpty()) {
                throw ProblemException.invalid("authorisesGroups", "only an authorisation authorises personnel groups");
            }
            return Set.of();
        }
        if (given == null && t.isAuthorisation() && !t.authorisesGroups.isEmpty()) {
            return new LinkedHashSet<>(t.authorisesGroups); // an update that does not name them keeps them
        }
        if (given == null || given.isEmpty()) {
            throw ProblemException.invalid("authorisesGroups",
                    "an authorisation names the personnel groups it authorises");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            if (PersonnelGroup.findById(given.get(i)) == null) {
                throw ProblemException.invalid("authorisesGroups[" + i + "]",
                        "unknown personnel group " + given.get(i));
            }
            groups.add(given.get(i));
        }
        return groups;
    }

    private void apply(Actor actor, CompetenceType t, Definition in) {
        if (in.category().kind() != in.kind()) {
            throw ProblemException.invalid("category", in.category() + " is " + in.category().kind()
                    + " competence, not " + in.kind());
        }
        Set<String> implied = new LinkedHashSet<>();
        List<String> list = in.implies() == null ? List.of() : in.implies();
        for (int i = 0; i < list.size(); i++) {
            String code = list.get(i);
            CompetenceType target = CompetenceType.findById(code);
            // A national type may only imply national ones; a local type national ones or its own RHF's.
            if (target == null || !(target.isNational() || target.rhf.equals(t.rhf))) {
                throw ProblemException.invalid("implies[" + i + "]", "unknown competence type " + code);
            }
            if (code.equals(t.code)) {
                throw ProblemException.invalid("implies[" + i + "]", "a type cannot imply itself");
            }
            implied.add(code);
        }
        Set<String> groups = authorisedGroups(t, in);
        t.name = in.name();
        t.kind = in.kind();
        t.category = in.category();
        t.validityMonths = in.validityMonths();
        t.evidenceRequired = in.evidenceRequired();
        t.implies.clear();
        t.implies.addAll(implied);
        t.authorisesGroups.clear();
        t.authorisesGroups.addAll(groups);
        t.updatedAt = today.now();
        t.updatedBy = actor.id();
    }
}
