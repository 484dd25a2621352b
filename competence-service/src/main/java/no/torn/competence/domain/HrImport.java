package no.torn.competence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.platform.outbox.Outbox;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.problem.ProblemType;
import no.torn.platform.tenancy.HealthRegion;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Bulk upsert of employees and records from an HR system. All rows are validated first; one bad row applies
 * nothing (400 listing every violation as {@code rows[i].field}). Upserts are keyed on (hf, employeeNumber) and
 * (employee, competenceCode, acquiredOn), so repeating an import changes nothing and publishes nothing.
 * Existing data is loaded in a few set-based queries and written with JDBC batching.
 */
@ApplicationScoped
public class HrImport {

    public static final int MAX_ROWS = 10_000;
    private static final int MAX_VIOLATIONS = 500;
    private static final int CHUNK = 1000;
    private static final Pattern HPR = Pattern.compile("\\d{7,9}");

    public record Result(boolean dryRun, int rows, int employeesCreated, int employeesUpdated, int employeesUnchanged,
                         int recordsCreated, int recordsUpdated, int recordsUnchanged) {
    }

    @Inject
    EntityManager em;

    @Inject
    Catalogue catalogue;

    @Inject
    CompetenceEvents events;

    @Inject
    RecordHistory history;

    @Inject
    Outbox outbox;

    @Inject
    Today today;

    /** A validated row. */
    private record Row(int index, ImportRow raw, String key, LocalDate acquiredOn, LocalDate validUntil,
                       CompetenceType type) {
    }

    private static final class Violations {
        final List<Problem.Violation> list = new ArrayList<>();
        int total;

        void add(int row, String field, String message) {
            total++;
            if (list.size() < MAX_VIOLATIONS) {
                list.add(new Problem.Violation("rows[" + row + "]." + field, message));
            }
        }
    }

    @Transactional
    public Result run(String rhf, List<ImportRow> rows, boolean dryRun, String actor) {
        if (rows == null || rows.isEmpty()) {
            throw ProblemException.invalid("rows", "must contain at least one row");
        }
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.invalid("rows", "must contain at most " + MAX_ROWS + " rows per request");
        }
        HealthRegion region = HealthRegion.fromCode(rhf).orElseThrow();
        LocalDate day = today.date();
        Set<String> groups = new HashSet<>(em.createQuery("select g.code from PersonnelGroup g", String.class)
                .getResultList());
        Map<String, CompetenceType> types = new HashMap<>();
        for (CompetenceType t : em.createQuery("select t from CompetenceType t where t.rhf is null or t.rhf = ?1",
                CompetenceType.class).setParameter(1, rhf).getResultList()) {
            types.put(t.code, t);
        }

        Violations v = new Violations();
        List<Row> valid = new ArrayList<>(rows.size());
        Map<String, Integer> firstRowOfEmployee = new HashMap<>();
        Set<String> recordKeys = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow r = rows.get(i);
            if (r == null) {
                v.add(i, "row", "must not be empty");
                continue;
            }
            int before = v.total;
            checkText(v, i, r);
            if (r.nationalIdentityNumber() != null && !r.nationalIdentityNumber().isBlank()) {
                v.add(i, "nationalIdentityNumber", "national identity numbers are not stored (data minimisation)");
            }
            String hf = strip(r.hf());
            if (hf == null) {
                v.add(i, "hf", "must not be blank");
            } else if (!region.owns(hf)) {
                v.add(i, "hf", HealthRegion.ofHospitalTrust(hf).isEmpty() ? "unknown hospital trust " + hf
                        : hf + " does not belong to " + rhf);
            }
            required(v, i, "employeeNumber", r.employeeNumber(), 40);
            required(v, i, "name", r.name(), 200);
            required(v, i, "unit", r.unit(), 100);
            String group = strip(r.personnelGroup());
            if (group == null) {
                v.add(i, "personnelGroup", "must not be blank");
            } else if (!groups.contains(group)) {
                v.add(i, "personnelGroup", "unknown personnel group " + group);
            }
            String hpr = strip(r.hprNumber());
            if (hpr != null && !HPR.matcher(hpr).matches()) {
                v.add(i, "hprNumber", "must be an HPR number of 7 to 9 digits");
            }
            String key = hf + "\u0000" + strip(r.employeeNumber());
            if (v.total == before) {
                Integer first = firstRowOfEmployee.putIfAbsent(key, i);
                if (first != null && !sameEmployee(rows.get(first), r)) {
                    v.add(i, "employeeNumber", "duplicate employee " + strip(r.employeeNumber()) + " in " + hf
                            + " with different data than rows[" + first + "]");
                }
            }
            CompetenceType type = null;
            LocalDate acquired = null;
            LocalDate until = null;
            String code = strip(r.competenceCode());
            if (code == null) {
                if (strip(r.acquiredOn()) != null || strip(r.validUntil()) != null
                        || strip(r.evidenceIssuer()) != null || strip(r.evidenceDocumentReference()) != null) {
                    v.add(i, "competenceCode", "must be given when a record's fields are");
                }
            } else {
                type = types.get(code);
                if (type == null) {
                    v.add(i, "competenceCode", "unknown competence type " + code);
                }
                acquired = date(v, i, "acquiredOn", r.acquiredOn(), true);
                if (acquired != null && acquired.isAfter(day)) {
                    v.add(i, "acquiredOn", "must not be in the future");
                }
                until = date(v, i, "validUntil", r.validUntil(), false);
                if (until != null && acquired != null && until.isBefore(acquired)) {
                    v.add(i, "validUntil", "must not be before acquiredOn");
                }
                if (type != null && type.evidenceRequired && strip(r.evidenceDocumentReference()) == null) {
                    v.add(i, "evidenceDocumentReference", "is required for " + type.code);
                }
                if (type != null && acquired != null && !recordKeys.add(key + "\u0000" + code + "\u0000" + acquired)) {
                    v.add(i, "competenceCode", "duplicate record of " + code + " acquired on " + acquired
                            + " for this employee");
                }
                if (until == null && type != null && acquired != null) {
                    until = type.defaultValidUntil(acquired);
                }
            }
            if (v.total == before) {
                valid.add(new Row(i, r, key, acquired, until, type));
            }
        }
        if (v.total > 0) {
            String detail = v.total + " invalid value(s) in the import; nothing was applied"
                    + (v.total > v.list.size() ? " (first " + v.list.size() + " listed)" : "");
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, detail, v.list));
        }
        return apply(rhf, valid, dryRun, actor, day);
    }

    private Result apply(String rhf, List<Row> rows, boolean dryRun, String actor, LocalDate day) {
        Map<String, Employee> employees = loadEmployees(rows);
        Map<String, CompetenceRecord> records = loadRecords(employees.values());
        Map<UUID, List<CompetenceRecord>> recordsOf = new HashMap<>();
        records.values().forEach(r -> recordsOf.computeIfAbsent(r.employee.id, k -> new ArrayList<>()).add(r));
        Map<String, List<String>> implied = catalogue.impliedCodesByType();
        var now = today.now();
        int eCreated = 0;
        int eUpdated = 0;
        int eUnchanged = 0;
        int rCreated = 0;
        int rUpdated = 0;
        int rUnchanged = 0;
        Set<String> seenEmployees = new HashSet<>();
        // Events are built after the flush (payloads must reflect the final state) and written as one batch.
        List<java.util.function.Supplier<List<Outbox.Pending>>> announcements = new ArrayList<>();
        for (Row row : rows) {
            ImportRow in = row.raw();
            Employee e = employees.get(row.key());
            if (seenEmployees.add(row.key())) {
                if (e == null) {
                    e = new Employee();
                    e.id = UUID.randomUUID();
                    e.rhf = rhf;
                    e.hf = strip(in.hf());
                    e.employeeNumber = strip(in.employeeNumber());
                    e.status = EmploymentStatus.ACTIVE;
                    copy(in, e);
                    e.createdAt = e.updatedAt = now;
                    e.createdBy = e.updatedBy = actor;
                    employees.put(row.key(), e);
                    eCreated++;
                    if (!dryRun) {
                        e.persist();
                        Employee created = e;
                        announcements.add(() -> List.of(
                                events.pendingEmployee(CompetenceEvents.EMPLOYEE_REGISTERED, created, 0)));
                    }
                } else if (differs(in, e)) {
                    eUpdated++;
                    if (!dryRun) {
                        boolean moved = !Objects.equals(e.unit, strip(in.unit()));
                        boolean rejoined = e.status != EmploymentStatus.ACTIVE;
                        copy(in, e);
                        e.status = EmploymentStatus.ACTIVE;
                        e.updatedAt = now;
                        e.updatedBy = actor;
                        if (moved || rejoined) {
                            for (CompetenceRecord r : recordsOf.getOrDefault(e.id, List.of())) {
                                r.unit = e.unit;
                                r.employeeActive = true;
                            }
                        }
                        Employee changed = e;
                        long version = e.version + 1;
                        announcements.add(() -> List.of(
                                events.pendingEmployee(CompetenceEvents.EMPLOYEE_UPDATED, changed, version)));
                    }
                } else {
                    eUnchanged++;
                }
            }
            if (row.type() == null) {
                continue;
            }
            String recordKey = row.key() + "\u0000" + row.type().code + "\u0000" + row.acquiredOn();
            CompetenceRecord r = records.get(recordKey);
            String issuer = strip(in.evidenceIssuer());
            String doc = strip(in.evidenceDocumentReference());
            if (r == null) {
                rCreated++;
                if (dryRun) {
                    continue;
                }
                r = new CompetenceRecord();
                r.id = UUID.randomUUID();
                r.employee = e;
                r.rhf = e.rhf;
                r.hf = e.hf;
                r.unit = e.unit;
                r.employeeNumber = e.employeeNumber;
                r.typeCode = row.type().code;
                r.acquiredOn = row.acquiredOn();
                r.validUntil = row.validUntil();
                r.evidenceIssuer = issuer;
                r.evidenceDocumentRef = doc;
                r.source = RecordSource.HR_IMPORT;
                r.trustLevel = Records.initialTrust(null, doc, "trustLevel");
                r.status = Validity.statusOn(r.validUntil, day);
                r.createdAt = r.updatedAt = now;
                r.createdBy = r.updatedBy = actor;
                r.persist();
                records.put(recordKey, r);
                history.write(r, null, "IMPORTED", actor);
                CompetenceRecord created = r;
                Employee owner = e;
                List<String> codes = implied.getOrDefault(r.typeCode, List.of());
                announcements.add(() -> created.status == RecordStatus.EXPIRED
                        ? List.of(events.pendingRecord(CompetenceEvents.RECORD_REGISTERED, created, owner, codes, 0),
                        events.pendingRecord(CompetenceEvents.RECORD_EXPIRED, created, owner, codes, 0))
                        : List.of(events.pendingRecord(CompetenceEvents.RECORD_REGISTERED, created, owner, codes, 0)));
            } else if (r.status != RecordStatus.REVOKED && (!Objects.equals(r.validUntil, row.validUntil())
                    || !Objects.equals(r.evidenceIssuer, issuer) || !Objects.equals(r.evidenceDocumentRef, doc))) {
                rUpdated++;
                if (dryRun) {
                    continue;
                }
                Map<String, Object> before = RecordHistory.snapshot(r);
                boolean validityChanged = !Objects.equals(r.validUntil, row.validUntil());
                r.validUntil = row.validUntil();
                r.evidenceIssuer = issuer;
                r.evidenceDocumentRef = doc;
                r.status = Validity.statusOn(r.validUntil, day);
                r.updatedAt = now;
                r.updatedBy = actor;
                if (validityChanged) {
                    em.createNativeQuery("delete from record_expiry_notice where record_id = ?1")
                            .setParameter(1, r.id).executeUpdate();
                }
                history.write(r, before, "IMPORTED", actor);
                CompetenceRecord changed = r;
                Employee owner = e;
                long version = r.version + 1;
                List<String> codes = implied.getOrDefault(r.typeCode, List.of());
                announcements.add(() -> changed.status == RecordStatus.EXPIRED && validityChanged
                        ? List.of(events.pendingRecord(CompetenceEvents.RECORD_UPDATED, changed, owner, codes, version),
                        events.pendingRecord(CompetenceEvents.RECORD_EXPIRED, changed, owner, codes, version))
                        : List.of(events.pendingRecord(CompetenceEvents.RECORD_UPDATED, changed, owner, codes, version)));
            } else {
                rUnchanged++;
            }
        }
        // Entities first (batched), then the outbox rows, all in this one transaction.
        em.flush();
        List<Outbox.Pending> pending = new ArrayList<>(announcements.size() * 2);
        announcements.forEach(a -> pending.addAll(a.get()));
        outbox.publishAll(pending);
        return new Result(dryRun, rows.size(), eCreated, eUpdated, eUnchanged, rCreated, rUpdated, rUnchanged);
    }

    private Map<String, Employee> loadEmployees(List<Row> rows) {
        Map<String, Set<String>> numbersByHf = new HashMap<>();
        for (Row row : rows) {
            numbersByHf.computeIfAbsent(strip(row.raw().hf()), k -> new HashSet<>()).add(strip(row.raw().employeeNumber()));
        }
        Map<String, Employee> result = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : numbersByHf.entrySet()) {
            List<String> numbers = new ArrayList<>(entry.getValue());
            for (int from = 0; from < numbers.size(); from += CHUNK) {
                List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + CHUNK));
                for (Employee e : em.createQuery("select e from Employee e where e.hf = ?1 and e.employeeNumber in ?2",
                        Employee.class).setParameter(1, entry.getKey()).setParameter(2, chunk).getResultList()) {
                    result.put(e.hf + "\u0000" + e.employeeNumber, e);
                }
            }
        }
        return result;
    }

    private Map<String, CompetenceRecord> loadRecords(java.util.Collection<Employee> employees) {
        Map<UUID, String> keyOf = new HashMap<>();
        employees.forEach(e -> keyOf.put(e.id, e.hf + "\u0000" + e.employeeNumber));
        List<UUID> ids = new ArrayList<>(keyOf.keySet());
        Map<String, CompetenceRecord> result = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (CompetenceRecord r : em.createQuery("select r from CompetenceRecord r where r.employee.id in ?1",
                    CompetenceRecord.class).setParameter(1, chunk).getResultList()) {
                result.put(keyOf.get(r.employee.id) + "\u0000" + r.typeCode + "\u0000" + r.acquiredOn, r);
            }
        }
        return result;
    }

    private static void copy(ImportRow in, Employee e) {
        e.name = strip(in.name());
        e.unit = strip(in.unit());
        e.personnelGroup = strip(in.personnelGroup());
        e.hprNumber = strip(in.hprNumber());
    }

    private static boolean differs(ImportRow in, Employee e) {
        return e.status != EmploymentStatus.ACTIVE || !Objects.equals(e.name, strip(in.name()))
                || !Objects.equals(e.unit, strip(in.unit()))
                || !Objects.equals(e.personnelGroup, strip(in.personnelGroup()))
                || !Objects.equals(e.hprNumber, strip(in.hprNumber()));
    }

    private static boolean sameEmployee(ImportRow a, ImportRow b) {
        return Objects.equals(strip(a.name()), strip(b.name())) && Objects.equals(strip(a.unit()), strip(b.unit()))
                && Objects.equals(strip(a.personnelGroup()), strip(b.personnelGroup()))
                && Objects.equals(strip(a.hprNumber()), strip(b.hprNumber()));
    }

    private static void checkText(Violations v, int i, ImportRow r) {
        String[] values = {r.hf(), r.employeeNumber(), r.name(), r.unit(), r.personnelGroup(), r.hprNumber(),
                r.competenceCode(), r.acquiredOn(), r.validUntil(), r.evidenceIssuer(), r.evidenceDocumentReference()};
        for (int c = 0; c < values.length; c++) {
            if (NationalIdentityNumbers.looksLikeOne(values[c])) {
                v.add(i, ImportRow.COLUMNS[c], NationalIdentityNumbers.MESSAGE);
            }
        }
    }

    private static void required(Violations v, int i, String field, String value, int max) {
        String s = strip(value);
        if (s == null) {
            v.add(i, field, "must not be blank");
        } else if (s.length() > max) {
            v.add(i, field, "must be at most " + max + " characters");
        }
    }

    private static LocalDate date(Violations v, int i, String field, String value, boolean required) {
        String s = strip(value);
        if (s == null) {
            if (required) {
                v.add(i, field, "must not be blank");
            }
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            v.add(i, field, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
