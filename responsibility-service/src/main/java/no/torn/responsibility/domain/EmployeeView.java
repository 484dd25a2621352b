package no.torn.responsibility.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Local copy of an employee as competence-service announces it (no names: only what delegation checks need). */
@Entity
@Table(name = "employee_view")
public class EmployeeView extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID employeeId;
    public String rhf;
    public String hf;
    public String unit;
    public String employeeNumber;
    public String personnelGroup;
    public String status;
    public long sourceVersion;
    public Instant updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The employee a token's employee_number claim names; an active employment wins over a former one. */
    public static Optional<EmployeeView> byNumber(String rhf, String employeeNumber) {
        return find("rhf = ?1 and employeeNumber = ?2 order by case when status = 'ACTIVE' then 0 else 1 end, updatedAt desc",
                rhf, employeeNumber).firstResultOptional();
    }
}
