package no.torn.task.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.task.messaging.CompetenceEvents.RecordData;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The competence records competence-service announces, with every code each record provides (its own and the codes
 * it implies), so "which codes does each employee of a unit hold" is one join. Status and dates are kept as they
 * are; whether a record counts on a day is decided when it is read ({@code CompetenceValidity}). An older version
 * than the row's is ignored.
 */
@ApplicationScoped
public class HeldCompetences {

    private static final Logger LOG = Logger.getLogger(HeldCompetences.class);

    @Inject
    EntityManager em;

    /** @return true when the state was applied, false when a newer version was already held */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(RecordData r) {
        boolean applied = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into cm_record (id, employee_id, rhf, competence_code, acquired_on, valid_until, status,
                        version)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set employee_id = excluded.employee_id, rhf = excluded.rhf,
                        competence_code = excluded.competence_code, acquired_on = excluded.acquired_on,
                        valid_until = excluded.valid_until, status = excluded.status, version = excluded.version
                    where cm_record.version <= excluded.version""")) {
                ps.setObject(1, r.recordId());
                ps.setObject(2, r.employeeId());
                ps.setString(3, r.rhf());
                ps.setString(4, r.competenceCode());
                ps.setObject(5, r.acquiredOn(), Types.DATE);
                ps.setObject(6, r.validUntil(), Types.DATE);
                ps.setString(7, r.status());
                ps.setLong(8, r.version());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from cm_record_code where record_id = ?")) {
                delete.setObject(1, r.recordId());
                delete.executeUpdate();
            }
            Set<String> codes = new LinkedHashSet<>();
            codes.add(r.competenceCode());
            if (r.impliedCodes() != null) {
                codes.addAll(r.impliedCodes());
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into cm_record_code (record_id, employee_id, code, status, acquired_on, valid_until) "
                            + "values (?, ?, ?, ?, ?, ?)")) {
                for (String code : codes) {
                    insert.setObject(1, r.recordId());
                    insert.setObject(2, r.employeeId());
                    insert.setString(3, code);
                    insert.setString(4, r.status());
                    insert.setObject(5, r.acquiredOn(), Types.DATE);
                    insert.setObject(6, r.validUntil(), Types.DATE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return true;
        });
        if (!applied) {
            LOG.debugf("Record %s version %d is older than the state held; ignored", r.recordId(), r.version());
        }
        return applied;
    }
}
