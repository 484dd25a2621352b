package no.torn.responsibility;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Direct reads of the service's own database, to observe what consumers did. */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Arc.container().instance(EntityManager.class).get().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    public static Object single(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Arc.container().instance(EntityManager.class).get().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getSingleResult();
        });
    }
}
