package no.torn.task.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.time.CompetenceValidity;
import no.torn.platform.time.Today;
import no.torn.task.domain.CoverageCounter;
import no.torn.task.domain.MappingStatus;
import no.torn.task.domain.PersonnelGroup;
import no.torn.task.domain.PersonnelGroups;
import no.torn.task.domain.RiskLevel;
import no.torn.task.domain.SharingDecision;
import no.torn.task.domain.SupervisionLevel;
import no.torn.task.domain.Task;
import no.torn.task.domain.TaskCategory;
import no.torn.task.domain.TaskStatus;
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
 * Eligible staff of a unit for a task, and a unit's coverage of the whole catalogue, from the competence read model
 * and the RHF's sharing mappings: a person is eligible when the {@link SharingDecision} allows it for their group and
 * valid competences, and says why (the task's own requirements, or the approved mapping applied). A competence code
 * counts when {@link CompetenceValidity#validOn} says its record is valid on the day asked about (by default today in
 * Norway).
 * <p>
 * Each answer costs a fixed number of indexed queries (employees of the unit, their valid codes restricted to the
 * codes that matter, the task's mappings in every status, the tasks), whatever the unit's size; the set logic then runs in
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

    /** An eligible person and why: the basis, and for MAPPING the applied mapping and its supervision. */
    public record EligibleEmployee(UUID employeeId, String employeeNumber, String personnelGroup,
                                   SharingDecision.Basis basis, SharingDecision.Mapping mapping,
                                   SupervisionLevel supervision, List<ExpiringCompetence> expiringCompetences) {
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

    /** The sharing decision about a personnel group (not a person) for a task in an RHF. */
    public record GroupDecision(Task task, String rhf, String group, SharingDecision.Outcome outcome) {
    }

    /**
     * May {@code group} perform the task in {@code rhf} (default: the actor's RHF), and under which conditions:
     * the decision about the group alone, with the RHF's mappings of the task in every status. An RHF the actor may
     * not see is a 403, a task that does not apply in the RHF a 404.
     */
    @Transactional
    public GroupDecision groupDecision(Actor actor, String taskCode, String group, String rhf) {
        String scopeRhf = rhf == null ? actor.homeRhf() : rhf;
        if (HealthRegion.fromCode(scopeRhf).isEmpty()) {
            throw ProblemException.invalid("rhf", "unknown RHF " + scopeRhf);
        }
        if (!actor.canSee(scopeRhf)) {
            throw ProblemException.forbidden("rhf " + scopeRhf + " is outside your reach");
        }
        PersonnelGroup personnelGroup = groups.require(group, "group");
        Task task = catalogue.visible(actor, taskCode);
        if (!task.isNational() && !task.rhf.equals(scopeRhf)) {
            throw ProblemException.notFound("Task", taskCode);
        }
        List<SharingDecision.Mapping> mappings = session().doReturningWork(connection ->
                mappings(connection, scopeRhf, task.code)).getOrDefault(task.code, List.of());
        return new GroupDecision(task, scopeRhf, personnelGroup.code, SharingDecision.forGroup(
                SharingDecision.TaskTerms.of(task), personnelGroup.code, personnelGroup.healthProfession, mappings));
    }

    List<EligibleEmployee> eligibleStaff(Task task, UnitScope scope) {
        groups.all();
        return session().doReturningWork(connection -> {
            SharingDecision.TaskTerms terms = SharingDecision.TaskTerms.of(task);
            List<SharingDecision.Mapping> mappings = mappings(connection, scope.rhf(), task.code)
                    .getOrDefault(task.code, List.of());
            Set<String> relevant = SharingDecision.relevantCodes(terms, mappings);
            List<EligibleEmployee> eligible = new ArrayList<>();
            Map<UUID, SharingDecision.Outcome> allowed = new LinkedHashMap<>();
            List<Employee> employees = employees(connection, scope, relevant);
            for (Employee employee : employees) {
                SharingDecision.Outcome outcome = SharingDecision.forPerson(terms, employee.group(),
                        groups.isHealthProfession(employee.group()), mappings, employee.held());
                if (outcome.allowed()) {
                    allowed.put(employee.id(), outcome);
                }
            }
            Map<UUID, List<ExpiringCompetence>> expiring = allowed.isEmpty() || relevant.isEmpty() ? Map.of()
                    : expiring(connection, scope, relevant);
            for (Employee employee : employees) {
                SharingDecision.Outcome outcome = allowed.get(employee.id());
                if (outcome != null) {
                    eligible.add(new EligibleEmployee(employee.id(), employee.employeeNumber(), employee.group(),
                            outcome.basis(), outcome.applied(), outcome.supervision(),
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
            List<SharingDecision.TaskTerms> requirements = new ArrayList<>();
            List<CoverageRow> rows = new ArrayList<>();
            tasks(connection, scope.rhf(), requirements, rows);
            Map<String, List<SharingDecision.Mapping>> mappings = mappings(connection, scope.rhf(), null);
            Set<String> relevant = new HashSet<>();
            for (SharingDecision.TaskTerms requirement : requirements) {
                relevant.addAll(SharingDecision.relevantCodes(requirement,
                        mappings.getOrDefault(requirement.code(), List.of())));
            }
            List<Employee> employees = employees(connection, scope, relevant);
            CoverageCounter counter = new CoverageCounter(relevant, groups::isHealthProfession);
            employees.forEach(e -> counter.addEmployee(e.group(), e.held()));
            List<CoverageRow> result = new ArrayList<>(rows.size());
            for (int i = 0; i < requirements.size(); i++) {
                SharingDecision.TaskTerms requirement = requirements.get(i);
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

    /**
     * Mappings of an RHF in every status by task code (of one task, or all when {@code taskCode} is null), in a
     * stable order: approved ones by approval time first. A mapping in any status is a decision of the RHF about its
     * receiving group (R-SHARE-04).
     */
    private static Map<String, List<SharingDecision.Mapping>> mappings(Connection connection, String rhf,
                                                                       String taskCode) throws SQLException {
        Map<UUID, String> taskOf = new LinkedHashMap<>();
        Map<UUID, String[]> groupsOf = new HashMap<>();
        Map<UUID, Set<String>> extras = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                select m.id, m.task_code, m.from_group, m.to_group, m.status, m.supervision_level,
                       x.competence_code
                from sharing_mapping m
                left join sharing_mapping_extra_competence x on x.mapping_id = m.id
                where m.rhf = ? and (cast(? as varchar) is null or m.task_code = ?)
                order by m.approved_at nulls last, m.created_at, m.id""")) {
            ps.setString(1, rhf);
            ps.setString(2, taskCode);
            ps.setString(3, taskCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    taskOf.put(id, rs.getString(2));
                    groupsOf.put(id, new String[]{rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)});
                    Set<String> codes = extras.computeIfAbsent(id, k -> new HashSet<>());
                    Optional.ofNullable(rs.getString(7)).ifPresent(codes::add);
                }
            }
        }
        Map<String, List<SharingDecision.Mapping>> result = new HashMap<>();
        taskOf.forEach((id, code) -> {
            String[] g = groupsOf.get(id);
            result.computeIfAbsent(code, k -> new ArrayList<>()).add(new SharingDecision.Mapping(id, g[0], g[1],
                    MappingStatus.valueOf(g[2]), SupervisionLevel.valueOf(g[3]), Set.copyOf(extras.get(id))));
        });
        return result;
    }

    /** Active tasks that apply in the RHF (national and its own), with their required competences. */
    private static void tasks(Connection connection, String rhf, List<SharingDecision.TaskTerms> requirements,
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
                        requirements.add(new SharingDecision.TaskTerms(code, rs.getBoolean(6), rs.getBoolean(7),
                                RiskLevel.valueOf(rs.getString(5)), TaskStatus.ACTIVE, codes));
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
