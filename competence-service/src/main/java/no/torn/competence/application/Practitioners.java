package no.torn.competence.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.competence.domain.AccessLog;
import no.torn.competence.domain.CompetenceCategory;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.CompetenceType;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.PersonnelGroup;
import no.torn.platform.application.Actor;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Employees as health personnel with their formal qualifications on a day: the read side behind the FHIR
 * Practitioner and PractitionerRole resources. Access is decided as for every other read of an employee
 * ({@link Employees#visible}: another RHF, or another HF for HF-bound roles, is not found), and every read of a
 * person's competence goes to the access log.
 */
@ApplicationScoped
public class Practitioners {

    /** Formal competence that counts as a qualification (certifications and real competence do not). */
    public static final Set<CompetenceCategory> QUALIFYING = EnumSet.of(CompetenceCategory.AUTHORISATION,
            CompetenceCategory.SPECIALISATION, CompetenceCategory.EDUCATION);

    /** Access-log actions of these reads. */
    public static final String READ = "fhir-practitioner";
    public static final String ROLE_READ = "fhir-practitioner-role";

    /** One qualifying record with its catalogue entry. */
    public record Qualification(CompetenceRecord record, CompetenceType type) {
    }

    /** An employee, their personnel group and the qualifications valid on {@code day}. */
    public record Practitioner(Employee employee, PersonnelGroup group, LocalDate day,
                               List<Qualification> qualifications) {
    }

    /** An employee in their HF, unit and personnel group. */
    public record Role(Employee employee, PersonnelGroup group) {
    }

    @Inject
    AccessLog accessLog;

    /** One employee, or 404 when absent or outside the actor's reach; the read is access-logged. */
    @Transactional
    public Practitioner read(Actor actor, UUID id, LocalDate day) {
        Employee e = Employees.visible(actor, id);
        accessLog.read(actor, e, READ);
        return practitioner(e, day);
    }

    /** Every employee with this HPR number the actor may see (one person may be employed in several HFs). */
    @Transactional
    public List<Practitioner> withHprNumber(Actor actor, String hprNumber, LocalDate day) {
        return found(actor, Employee.list("hprNumber = ?1 order by hf, employeeNumber", hprNumber), day);
    }

    /** The employee with this employee number in {@code hf}, when the actor may see them. */
    @Transactional
    public List<Practitioner> withEmployeeNumber(Actor actor, String hf, String employeeNumber, LocalDate day) {
        return found(actor, Employee.list("hf = ?1 and employeeNumber = ?2", hf, employeeNumber), day);
    }

    /** The role of an employee the actor may see; empty (not 404) because it answers a search. */
    @Transactional
    public Optional<Role> role(Actor actor, UUID employeeId) {
        Employee e = Employee.findById(employeeId);
        if (e == null || !actor.canSee(e.rhf, e.hf)) {
            return Optional.empty();
        }
        accessLog.read(actor, e, ROLE_READ);
        return Optional.of(new Role(e, PersonnelGroup.findById(e.personnelGroup)));
    }

    private List<Practitioner> found(Actor actor, List<Employee> candidates, LocalDate day) {
        return candidates.stream().filter(e -> actor.canSee(e.rhf, e.hf)).map(e -> {
            accessLog.read(actor, e, READ);
            return practitioner(e, day);
        }).toList();
    }

    /** Qualifying records valid on the day (not revoked, acquiredOn ≤ day ≤ validUntil), oldest first per type. */
    private static Practitioner practitioner(Employee e, LocalDate day) {
        List<CompetenceRecord> valid = CompetenceRecord.<CompetenceRecord>list(
                        "employee.id = ?1 order by acquiredOn, typeCode", e.id).stream()
                .filter(r -> r.isValidOn(day)).toList();
        Set<String> codes = valid.stream().map(r -> r.typeCode).collect(Collectors.toSet());
        Map<String, CompetenceType> types = codes.isEmpty() ? Map.of()
                : CompetenceType.<CompetenceType>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(t -> t.code, Function.identity()));
        List<Qualification> qualifications = valid.stream()
                .filter(r -> types.containsKey(r.typeCode) && QUALIFYING.contains(types.get(r.typeCode).category))
                .map(r -> new Qualification(r, types.get(r.typeCode))).toList();
        return new Practitioner(e, PersonnelGroup.findById(e.personnelGroup), day, qualifications);
    }
}
