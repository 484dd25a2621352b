package no.torn.competence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.platform.problem.ProblemException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Commands on the competence catalogue; the implication closure is rebuilt in the same transaction. */
@ApplicationScoped
public class CompetenceTypes {

    @Inject
    EntityManager em;

    @Inject
    Catalogue catalogue;

    @Inject
    Today today;

    @Transactional
    public CompetenceType create(String code, String rhf, String name, CompetenceKind kind,
                                 CompetenceCategory category, Integer validityMonths, boolean evidenceRequired,
                                 List<String> implies, String actor) {
        if (CompetenceType.findById(code) != null) {
            throw ProblemException.conflict("Competence type " + code + " already exists");
        }
        CompetenceType t = new CompetenceType();
        t.code = code;
        t.rhf = rhf;
        t.createdAt = today.now();
        t.createdBy = actor;
        apply(t, name, kind, category, validityMonths, evidenceRequired, implies, actor);
        t.persist();
        catalogue.rebuildClosure();
        return t;
    }

    @Transactional
    public CompetenceType update(String code, String name, CompetenceKind kind, CompetenceCategory category,
                                 Integer validityMonths, boolean evidenceRequired, List<String> implies, Long version,
                                 String actor) {
        CompetenceType t = CompetenceType.findById(code);
        Employees.requireVersion(version, t.version);
        apply(t, name, kind, category, validityMonths, evidenceRequired, implies, actor);
        catalogue.rebuildClosure();
        em.flush();
        return t;
    }

    @Transactional
    public void delete(String code) {
        CompetenceType t = CompetenceType.findById(code);
        if (CompetenceRecord.count("typeCode", code) > 0) {
            throw ProblemException.conflict("Competence type " + code + " is used by competence records");
        }
        Number implying = (Number) em.createNativeQuery(
                "select count(*) from competence_type_implies where implied_code = ?1").setParameter(1, code)
                .getSingleResult();
        if (implying.longValue() > 0) {
            throw ProblemException.conflict("Competence type " + code + " is implied by other types");
        }
        t.delete();
        catalogue.rebuildClosure();
    }

    private void apply(CompetenceType t, String name, CompetenceKind kind, CompetenceCategory category,
                       Integer validityMonths, boolean evidenceRequired, List<String> implies, String actor) {
        if (category.kind() != kind) {
            throw ProblemException.invalid("category", category + " is " + category.kind() + " competence, not "
                    + kind);
        }
        Set<String> implied = new LinkedHashSet<>();
        List<String> list = implies == null ? List.of() : implies;
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
        t.name = name;
        t.kind = kind;
        t.category = category;
        t.validityMonths = validityMonths;
        t.evidenceRequired = evidenceRequired;
        t.implies.clear();
        t.implies.addAll(implied);
        t.updatedAt = today.now();
        t.updatedBy = actor;
    }
}
