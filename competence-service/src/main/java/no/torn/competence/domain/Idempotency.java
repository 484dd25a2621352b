package no.torn.competence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.platform.problem.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Idempotency-Key of creating POSTs, remembered per caller in the creating transaction. */
@ApplicationScoped
public class Idempotency {

    @Inject
    EntityManager em;

    @Inject
    Today today;

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> find(String actor, String key, String resourceType) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "must be at most 200 characters");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select resource_type, resource_id from idempotency_key where actor = ?1 and key = ?2")
                .setParameter(1, actor).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!resourceType.equals(rows.get(0)[0])) {
            throw ProblemException.conflict("Idempotency-Key " + key + " was used for another kind of request");
        }
        return Optional.of((UUID) rows.get(0)[1]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String actor, String key, String resourceType, UUID id) {
        if (key == null || key.isBlank()) {
            return;
        }
        em.createNativeQuery("""
                        insert into idempotency_key (actor, key, resource_type, resource_id, created_at)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, actor).setParameter(2, key).setParameter(3, resourceType).setParameter(4, id)
                .setParameter(5, today.now()).executeUpdate();
    }
}
