package no.torn.task.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.time.CompetenceValidity;
import no.torn.platform.time.Today;
import no.torn.task.domain.CoverageCounter;
import no.torn.task.domain.Eligibility;
import no.torn.task.domain.PersonnelGroups;
import no.torn.task.domain.RiskLevel;
import no.torn.task.domain.Task;
import no.torn.task.domain.TaskCategory;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Eligible staff of a unit for a task, and a unit's coverage of the whole catalogue, from the competence read model.
 * A competence code counts when {@link CompetenceValidity#validOn} says its record is valid on the day asked about
 * (by default today in Norway).
 * <p>
 * Each answer costs a fixed number of indexed queries (employees of the unit, their valid codes restricted to the
 * codes that matter, the approved mappings, the tasks), whatever the unit's size; the set logic then runs in
 * memory ({@link CoverageCounter} for the whole catalogue).
 */
@ApplicationScoped
public class StaffEligibility {

    /** Competences expiring within this many days of the date asked about are flagged. */
    public static final int EXPIRY_WINDOW_DAYS = 90;
    private static final int CODE_FILTER_LIMIT = 16;

    @Inject
    EntityManager em;

    @Inject
    PersonnelGroups groups;

    @Inject
    TaskCatalogue catalogue;

    @Inject
    Today today;

    public record ExpiringCompetence(String competenceCode, LocalDate validUntil) {
    }

    public record EligibleEmployee(UUID employeeId, String employeeNumber, String personnelGroup,
                                   Eligibility.Reason reason, List<ExpiringCompetence> expiringCompetences) {
    }

    public record CoverageRow(String taskCode, String title, String rhf, TaskCategory category, RiskLevel riskLevel,
                              int eligibleStaff) {
    }

    private record Employee(UUID id, String employeeNumber, String group, Set<String> held) {
    }

    /** The unit: rhf, hf, unit name and the date validity is judged on. */
    public record UnitScope(String rhf, String hf, String unit, LocalDate validOn) {
    }

    /** The eligible employees of a unit for one task. */
    public record EligibleStaff(Task task, UnitScope scope, List<EligibleEmployee> employees) {
    }

    /** A unit's coverage: its number of active employees and a row per active task of the RHF. */
    public record Coverage(UnitScope scope, int employees, List<CoverageRow> rows) {
    }

    /**
     * The unit an actor asks about: the HF must be one the actor may see (its RHF, and for HF-bound roles its own
     * HF); {@code validOn} null means today in Norway.
     */
    public UnitScope scope(Actor actor, String hf, String unit, LocalDate validOn) {
        return new UnitScope(HospitalTrusts.rhfOf(actor, hf, "hf"), hf, unit,
                validOn == null ? today.date() : validOn);
    }

    /** Who of the unit may perform the task; a task that does not apply in the unit's RHF is a 404. */
    @Transactional
    public EligibleStaff eligibleStaff(Actor actor, String taskCode, String hf, String unit, LocalDate validOn) {
        UnitScope scope = scope(actor, hf, unit, validOn);
        Task task = catalogue.visible(actor, taskCode);
        if (!task.isNational() && !task.rhf.equals(scope.rhf())) {
            throw ProblemException.notFound("Task", taskCode);
        }
        return new EligibleStaff(task, scope, eligibleStaff(task, scope));
    }

    /** Every active task of the unit's RHF with the number of the unit's staff eligible for it. */
    @Transactional
    public Coverage coverage(Actor actor, String hf, String unit, LocalDate validOn) {
        return coverage(scope(actor, hf, unit, validOn));
    }

    List<EligibleEmployee> eligibleStaff(Task task, UnitScope scope) {
        groups.all();
        return session().doReturningWork(connection -> {
            Eligibility.TaskRequirement requirement = new Eligibility.TaskRequirement(task.code,
                    task.requiresHealthProfessional, task.allowsUntrainedStaff, Set.copyOf(task.requiredCompetences));
            List<Eligibility.MappingOption> mappings = approvedMappings(connection, scope.rhf(), task.code)
                    .getOrDefault(task.code, List.of());
            Set<String> relevant = Eligibility.relevantCodes(requirement, mappings);
            List<EligibleEmployee> eligible = new ArrayList<>();
            Map<UUID, Eligibility.Reason> reasons = new LinkedHashMap<>();
            List<Employee> employees = employees(connection, scope, relevant);
            for (Employee employee : employees) {
                Eligibility.evaluate(requirement, mappings, employee.group(),
                                groups.isHealthProfession(employee.group()), employee.held())
                        .ifPresent(reason -> reasons.put(employee.id(), reason));
            }
            Map<UUID, List<ExpiringCompetence>> expiring = reasons.isEmpty() || relevant.isEmpty() ? Map.of()
                    : expiring(connection, scope, relevant);
            for (Employee employee : employees) {
                Eligibility.Reason reason = reasons.get(employee.id());
                if (reason != null) {
                    eligible.add(new EligibleEmployee(employee.id(), employee.employeeNumber(), employee.group(), reason,
                            expiring.getOrDefault(employee.id(), List.of())));
                }
            }
            eligible.sort(Comparator.comparing(EligibleEmployee::employeeNumber,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(EligibleEmployee::employeeId));
            return eligible;
        });
    }

    Coverage coverage(UnitScope scope) {
        groups.all();
        return session().doReturningWork(connection -> {
            List<Eligibility.TaskRequirement> requirements = new ArrayList<>();
            List<CoverageRow> rows = new ArrayList<>();
            tasks(connection, scope.rhf(), requirements, rows);
            Map<String, List<Eligibility.MappingOption>> mappings = approvedMappings(connection, scope.rhf(), null);
            Set<String> relevant = new HashSet<>();
            for (Eligibility.TaskRequirement requirement : requirements) {
                relevant.addAll(Eligibility.relevantCodes(requirement,
                        mappings.getOrDefault(requirement.code(), List.of())));
            }
            List<Employee> employees = employees(connection, scope, relevant);
            CoverageCounter counter = new CoverageCounter(relevant, groups::isHealthProfession);
            employees.forEach(e -> counter.addEmployee(e.group(), e.held()));
            List<CoverageRow> result = new ArrayList<>(rows.size());
            for (int i = 0; i < requirements.size(); i++) {
                Eligibility.TaskRequirement requirement = requirements.get(i);
                int count = counter.count(requirement, mappings.getOrDefault(requirement.code(), List.of()));
                CoverageRow row = rows.get(i);
                result.add(new CoverageRow(row.taskCode(), row.title(), row.rhf(), row.category(), row.riskLevel(),
                        count));
            }
            return new Coverage(scope, employees.size(), result);
        });
    }

    private static List<Employee> employees(Connection connection, UnitScope scope, Set<String> relevant)
            throws SQLException {
        Map<UUID, Employee> employees = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                select id, employee_number, personnel_group from cm_employee
                where rhf = ? and hf = ? and unit = ? and status = 'ACTIVE'""")) {
            ps.setString(1, scope.rhf());
            ps.setString(2, scope.hf());
            ps.setString(3, scope.unit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    employees.put(id, new Employee(id, rs.getString(2), rs.getString(3), new HashSet<>()));
                }
            }
        }
        if (employees.isEmpty() || relevant.isEmpty()) {
            return List.copyOf(employees.values());
        }
        // A short list of codes is filtered by the database; a long one (coverage) is cheaper to filter here.
        boolean filterInDatabase = relevant.size() <= CODE_FILTER_LIMIT;
        try (PreparedStatement ps = connection.prepareStatement("""
                select c.employee_id, c.code, c.status, c.acquired_on, c.valid_until
                from cm_employee e
                join cm_record_code c on c.employee_id = e.id
                where e.rhf = ? and e.hf = ? and e.unit = ? and e.status = 'ACTIVE'
                """ + (filterInDatabase ? "  and c.code = any (?)" : ""))) {
            ps.setString(1, scope.rhf());
            ps.setString(2, scope.hf());
            ps.setString(3, scope.unit());
            if (filterInDatabase) {
                ps.setArray(4, connection.createArrayOf("varchar", relevant.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Employee employee = employees.get(rs.getObject(1, UUID.class));
                    String code = rs.getString(2);
                    if (employee != null && relevant.contains(code) && CompetenceValidity.validOn(rs.getString(3),
                            localDate(rs.getDate(4)), localDate(rs.getDate(5)), scope.validOn())) {
                        employee.held().add(code);
                    }
                }
            }
        }
        return List.copyOf(employees.values());
    }

    /** Valid records of relevant codes whose last valid day falls within the expiry window. */
    private static Map<UUID, List<ExpiringCompetence>> expiring(Connection connection, UnitScope scope,
                                                                Set<String> relevant) throws SQLException {
        Map<UUID, List<ExpiringCompetence>> result = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                select r.employee_id, r.competence_code, r.status, r.acquired_on, r.valid_until
                from cm_employee e
                join cm_record r on r.employee_id = e.id
                where e.rhf = ? and e.hf = ? and e.unit = ? and e.status = 'ACTIVE'
                  and r.valid_until between ? and ?
                  and exists (select 1 from cm_record_code c where c.record_id = r.id and c.code = any (?))
                order by r.valid_until, r.competence_code""")) {
            ps.setString(1, scope.rhf());
            ps.setString(2, scope.hf());
            ps.setString(3, scope.unit());
            ps.setDate(4, Date.valueOf(scope.validOn()));
            ps.setDate(5, Date.valueOf(scope.validOn().plusDays(EXPIRY_WINDOW_DAYS)));
            ps.setArray(6, connection.createArrayOf("varchar", relevant.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate validUntil = rs.getDate(5).toLocalDate();
                    if (CompetenceValidity.validOn(rs.getString(3), localDate(rs.getDate(4)), validUntil,
                            scope.validOn())) {
                        result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new ExpiringCompetence(rs.getString(2), validUntil));
                    }
                }
            }
        }
        return result;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** Approved mappings of an RHF by task code (of one task, or all when {@code taskCode} is null). */
    private static Map<String, List<Eligibility.MappingOption>> approvedMappings(Connection connection, String rhf,
                                                                                String taskCode) throws SQLException {
        Map<UUID, String> taskOf = new LinkedHashMap<>();
        Map<UUID, String[]> groupsOf = new HashMap<>();
        Map<UUID, Set<String>> extras = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                select m.id, m.task_code, m.from_group, m.to_group, x.competence_code
                from sharing_mapping m
                left join sharing_mapping_extra_competence x on x.mapping_id = m.id
                where m.rhf = ? and m.status = 'APPROVED' and (cast(? as varchar) is null or m.task_code = ?)
                order by m.approved_at, m.id""")) {
            ps.setString(1, rhf);
            ps.setString(2, taskCode);
            ps.setString(3, taskCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    taskOf.put(id, rs.getString(2));
                    groupsOf.put(id, new String[]{rs.getString(3), rs.getString(4)});
                    Set<String> codes = extras.computeIfAbsent(id, k -> new HashSet<>());
                    Optional.ofNullable(rs.getString(5)).ifPresent(codes::add);
                }
            }
        }
        Map<String, List<Eligibility.MappingOption>> result = new HashMap<>();
        taskOf.forEach((id, code) -> result.computeIfAbsent(code, k -> new ArrayList<>()).add(
                new Eligibility.MappingOption(id, groupsOf.get(id)[0], groupsOf.get(id)[1], extras.get(id))));
        return result;
    }

    /** Active tasks that apply in the RHF (national and its own), with their required competences. */
    private static void tasks(Connection connection, String rhf, List<Eligibility.TaskRequirement> requirements,
                              List<CoverageRow> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                select t.code, t.title, t.rhf, t.category, t.risk_level, t.requires_health_professional,
                       t.allows_untrained_staff, c.competence_code
                from task t
                left join task_required_competence c on c.task_id = t.id
                where t.status = 'ACTIVE' and (t.rhf is null or t.rhf = ?)
                order by t.code""")) {
            ps.setString(1, rhf);
            try (ResultSet rs = ps.executeQuery()) {
                String current = null;
                Set<String> codes = null;
                while (rs.next()) {
                    String code = rs.getString(1);
                    if (!code.equals(current)) {
                        current = code;
                        codes = new HashSet<>();
                        requirements.add(new Eligibility.TaskRequirement(code, rs.getBoolean(6), rs.getBoolean(7),
                                codes));
                        rows.add(new CoverageRow(code, rs.getString(2), rs.getString(3),
                                TaskCategory.valueOf(rs.getString(4)), RiskLevel.valueOf(rs.getString(5)), 0));
                    }
                    String competence = rs.getString(8);
                    if (competence != null) {
                        codes.add(competence);
                    }
                }
            }
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
