package no.torn.task.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Local copy of the employees and competence records competence-service announces. Each row keeps the aggregate
 * version it was written from; an event carrying an older version than the row is ignored, so delivery out of
 * order (or a replay) never overwrites newer state.
 */
@ApplicationScoped
public class CompetenceReadModel {

    @Inject
    EntityManager em;

    public record EmployeeState(UUID employeeId, String rhf, String hf, String unit, String employeeNumber,
                                String personnelGroup, String status, long version) {
    }

    public record RecordState(UUID recordId, UUID employeeId, String rhf, String competenceCode,
                              List<String> impliedCodes, LocalDate acquiredOn, LocalDate validUntil, String status,
                              long version) {
    }

    /** @return true when the state was applied, false when a newer version was already held */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(EmployeeState e) {
        return session().doReturningWork(connection -> {
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
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(RecordState r) {
        return session().doReturningWork(connection -> {
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
            codes.addAll(r.impliedCodes());
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
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
