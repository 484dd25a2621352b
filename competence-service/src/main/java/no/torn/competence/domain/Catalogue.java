package no.torn.competence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the implication closure and rebuilds it after a catalogue change. */
@ApplicationScoped
public class Catalogue {

    @Inject
    EntityManager em;

    /** Codes implied by {@code code}, transitively, excluding itself, sorted. */
    public List<String> impliedCodes(String code) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("""
                        select implied_code from competence_closure where type_code = ?1 and implied_code <> ?1
                        order by implied_code""")
                .setParameter(1, code).getResultList();
        return codes;
    }

    /** Codes whose holders hold {@code code}: itself and every type that implies it, transitively. */
    public List<String> implyingCodes(String code) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery(
                        "select type_code from competence_closure where implied_code = ?1 order by type_code")
                .setParameter(1, code).getResultList();
        return codes.isEmpty() ? List.of(code) : codes;
    }

    /** The whole closure, excluding reflexive rows: the catalogue is small, so imports load it once. */
    public Map<String, List<String>> impliedCodesByType() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select type_code, implied_code from competence_closure where type_code <> implied_code
                        order by type_code, implied_code""")
                .getResultList();
        Map<String, List<String>> result = new HashMap<>();
        for (Object[] row : rows) {
            result.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return result;
    }

    /** Recomputes the closure from the direct implications; refuses a cycle (422). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rebuildClosure() {
        em.flush();
        Map<String, Set<String>> direct = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select code from competence_type").getResultList();
        codes.forEach(c -> direct.put(c, new TreeSet<>()));
        @SuppressWarnings("unchecked")
        List<Object[]> edges = em.createNativeQuery("select type_code, implied_code from competence_type_implies")
                .getResultList();
        for (Object[] edge : edges) {
            direct.get((String) edge[0]).add((String) edge[1]);
        }
        ImplicationGraph graph = new ImplicationGraph(direct);
        graph.findCycle().ifPresent(cycle -> {
            throw ProblemException.rule("Competence type " + cycle.get(0) + " would imply itself");
        });
        em.createNativeQuery("delete from competence_closure").executeUpdate();
        for (Map.Entry<String, Set<String>> entry : graph.closure().entrySet()) {
            for (String implied : entry.getValue()) {
                em.createNativeQuery("insert into competence_closure (type_code, implied_code) values (?1, ?2)")
                        .setParameter(1, entry.getKey()).setParameter(2, implied).executeUpdate();
            }
        }
    }
}
