package no.torn.task.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.task.messaging.CompetenceEvents.EmployeeData;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;

/**
 * The employees competence-service announces: unit, personnel group and employment status, which eligible staff and
 * coverage read. Each row keeps the version it was written from; an older version than the row's is ignored, so
 * delivery out of order (or a replay) never overwrites newer state.
 */
@ApplicationScoped
public class EmployeeDirectory {

    private static final Logger LOG = Logger.getLogger(EmployeeDirectory.class);

    @Inject
    EntityManager em;

    /** @return true when the state was applied, false when a newer version was already held */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(EmployeeData e) {
        boolean applied = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into cm_employee (id, rhf, hf, unit, employee_number, personnel_group, status, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set rhf = excluded.rhf, hf = excluded.hf, unit = excluded.unit,
                        employee_number = excluded.employee_number, personnel_group = excluded.personnel_group,
                        status = excluded.status, version = excluded.version
                    where cm_employee.version <= excluded.version""")) {
                ps.setObject(1, e.employeeId());
                ps.setString(2, e.rhf());
                ps.setString(3, e.hf());
                ps.setString(4, e.unit());
                ps.setString(5, e.employeeNumber());
                ps.setString(6, e.personnelGroup());
                ps.setString(7, e.status());
                ps.setLong(8, e.version());
                return ps.executeUpdate() == 1;
            }
        });
        if (!applied) {
            LOG.debugf("Employee %s version %d is older than the state held; ignored", e.employeeId(), e.version());
        }
        return applied;
    }
}
