package no.torn.responsibility.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Serialises work on one employee's delegations: creating a delegation checks competences while a competence event
 * may be invalidating one; with the lock one of them always sees the other's result.
 */
@ApplicationScoped
public class Locks {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void employee(UUID employeeId) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "employee:" + employeeId).getSingleResult();
    }
}
