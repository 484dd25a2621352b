package no.torn.competence.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.competence.domain.Catalogue;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.CompetenceType;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.EmploymentStatus;
import no.torn.competence.domain.ImportRow;
import no.torn.competence.domain.ImportRow.Cell;
import no.torn.competence.domain.NationalIdentityNumbers;
import no.torn.competence.domain.RecordSource;
import no.torn.competence.domain.RecordStatus;
import no.torn.competence.domain.SoundnessRules;
import no.torn.competence.domain.TrustLevel;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.problem.ProblemType;
import no.torn.platform.rules.RuleCheck;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.time.Today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Bulk upsert of employees and records from an HR system. All rows are validated first; one bad row applies
 * nothing (400 listing every violation as {@code rows[i].field}; 422 listing every unmet soundness rule the same
 * way). Upserts are keyed on (hf, employeeNumber) and
 * (employee, competenceCode, acquiredOn), so repeating an import changes nothing and publishes nothing. Optional
 * columns follow {@link Cell}: absent or empty keeps the stored value, {@code -} clears it. Existing data is loaded
 * in a few set-based queries and written with JDBC batching.
 */
@ApplicationScoped
public class HrImport {

    public static final int MAX_ROWS = 10_000;
    static final String ACTION = "IMPORTED";
    private static final int MAX_VIOLATIONS = 500;
    private static final int CHUNK = 1000;
    private static final Pattern HPR = Pattern.compile("\\d{7,9}");

    public record Result(boolean dryRun, int rows, int employeesCreated, int employeesUpdated, int employeesUnchanged,
                         int recordsCreated, int recordsUpdated, int recordsUnchanged) {
    }

    /** What the caller asked for; its fingerprint guards the Idempotency-Key. */
    record Request(List<ImportRow> rows, boolean dryRun) {
    }

    @Inject
    EntityManager em;

    @Inject
    Catalogue catalogue;

    @Inject
    Records recordCommands;

    @Inject
    CompetenceEvents events;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Today today;

    /** A row whose values are valid on their own; rules that depend on stored data are checked against it later. */
    private record Row(int index, ImportRow raw, String key, Cell hpr, CompetenceType type, LocalDate acquiredOn,
                       Cell validUntil, LocalDate validUntilDate, Cell issuer, Cell documentRef) {

        String recordKey() {
            return key + "\u0000" + type.code + "\u0000" + acquiredOn;
        }
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

        void throwIfAny() {
            if (total > 0) {
                String detail = total + " invalid value(s) in the import; nothing was applied"
                        + (total > list.size() ? " (first " + list.size() + " listed)" : "");
                throw new ProblemException(Problem.of(ProblemType.VALIDATION, detail, list));
            }
        }
    }

    /**
     * Imports into the actor's RHF. With an Idempotency-Key a repeat answers the first import's result and applies
     * nothing again.
     */
    @Transactional
    public Result run(Actor actor, String idempotencyKey, List<ImportRow> rows, boolean dryRun) {
        if (rows == null || rows.isEmpty()) {
            throw ProblemException.invalid("rows", "must contain at least one row");
        }
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.invalid("rows", "must contain at most " + MAX_ROWS + " rows per request");
        }
        String rhf = actor.homeRhf();
        LocalDate day = today.date();
        List<Row> valid = validate(rhf, rows, day);
        return idempotency.once(actor, idempotencyKey, "competence.import", new Request(rows, dryRun), Result.class,
                () -> apply(actor, rhf, valid, dryRun, day));
    }

    private List<Row> validate(String rhf, List<ImportRow> rows, LocalDate day) {
        HealthRegion region = HealthRegion.fromCode(rhf).orElseThrow();
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
            if (required(v, i, "personnelGroup", r.personnelGroup(), 40) && !groups.contains(strip(r.personnelGroup()))) {
                v.add(i, "personnelGroup", "unknown personnel group " + strip(r.personnelGroup()));
            }
            Cell hpr = Cell.of(r.hprNumber());
            if (hpr.given() && !HPR.matcher(hpr.value()).matches()) {
                v.add(i, "hprNumber", "must be an HPR number of 7 to 9 digits, or " + ImportRow.CLEAR + " to clear it");
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
            Cell validUntil = Cell.of(r.validUntil());
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
                acquired = date(v, i, "acquiredOn", r.acquiredOn());
                if (acquired != null && acquired.isAfter(day)) {
                    v.add(i, "acquiredOn", "must not be in the future");
                }
                until = validUntil.given() ? date(v, i, "validUntil", validUntil.value()) : null;
                if (until != null && acquired != null && until.isBefore(acquired)) {
                    v.add(i, "validUntil", "must not be before acquiredOn");
                }
                if (type != null && acquired != null && !recordKeys.add(key + "\u0000" + code + "\u0000" + acquired)) {
                    v.add(i, "competenceCode", "duplicate record of " + code + " acquired on " + acquired
                            + " for this employee");
                }
            }
            if (v.total == before) {
                valid.add(new Row(i, r, key, hpr, type, acquired, validUntil, until, Cell.of(r.evidenceIssuer()),
                        Cell.of(r.evidenceDocumentReference())));
            }
        }
        v.throwIfAny();
        return valid;
    }

    /** Rules that need the stored record: a type that requires evidence keeps a document reference. */
    private static void checkAgainstStored(List<Row> rows, Map<String, CompetenceRecord> records) {
        Violations v = new Violations();
        for (Row row : rows) {
            if (row.type() == null || !row.type().evidenceRequired) {
                continue;
            }
            CompetenceRecord stored = records.get(row.recordKey());
            if (stored != null && stored.status == RecordStatus.REVOKED) {
                continue;
            }
            if (row.documentRef().over(stored == null ? null : stored.evidenceDocumentRef) == null) {
                v.add(row.index(), "evidenceDocumentReference", "is required for " + row.type().code);
            }
        }
        v.throwIfAny();
    }

    /**
     * The soundness rules of every row's record, against the employee as the import leaves it (R-AUTH-01/02), and
     * no new record of a retired type (R-COMP-04); one
     * 422 lists every unmet rule as {@code rows[i].field}, and nothing is applied.
     */
    private static void checkRules(List<Row> rows, Map<String, Employee> employees,
                                   Map<String, CompetenceRecord> records) {
        RuleCheck check = RuleCheck.of();
        for (Row row : rows) {
            if (row.type() == null) {
                continue;
            }
            CompetenceRecord stored = records.get(row.recordKey());
            String prefix = "rows[" + row.index() + "].";
            if (stored == null) {
                // A retired type's stored records may still be updated by the feed; only new ones are refused.
                SoundnessRules.typeInForce(check, row.type(), prefix + "competenceCode");
            }
            if (!row.type().isAuthorisation()) {
                continue;
            }
            if (stored != null && stored.status == RecordStatus.REVOKED) {
                continue; // an import does not change a revoked record
            }
            Employee e = employees.get(row.key());
            SoundnessRules.holderOf(check, row.type(), strip(row.raw().personnelGroup()),
                    row.hpr().over(e == null ? null : e.hprNumber), prefix + "hprNumber", prefix + "personnelGroup");
        }
        check.orThrow();
    }

    private Result apply(Actor actor, String rhf, List<Row> rows, boolean dryRun, LocalDate day) {
        Map<String, Employee> employees = loadEmployees(rows);
        Map<String, CompetenceRecord> records = loadRecords(employees.values());
        checkAgainstStored(rows, records);
        checkRules(rows, employees, records);
        Map<UUID, List<CompetenceRecord>> recordsOf = new HashMap<>();
        records.values().forEach(r -> recordsOf.computeIfAbsent(r.employeeId, k -> new ArrayList<>()).add(r));
        Map<String, List<String>> implied = catalogue.impliedCodesByType();
        Instant now = today.now();
        int eCreated = 0;
        int eUpdated = 0;
        int eUnchanged = 0;
        int rCreated = 0;
        int rUpdated = 0;
        int rUnchanged = 0;
        Set<String> seenEmployees = new HashSet<>();
        // Events are built after the flush (payloads must reflect the final state) and written as one batch.
        List<Supplier<List<Outbox.Pending>>> announcements = new ArrayList<>();
        // Audit lines take their id from the database, which would end Hibernate's insert batches: written after.
        List<Runnable> auditLines = new ArrayList<>();
        List<UUID> renewed = new ArrayList<>();
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
                    copy(row, e);
                    e.createdAt = e.updatedAt = now;
                    e.createdBy = e.updatedBy = actor.id();
                    employees.put(row.key(), e);
                    eCreated++;
                    if (!dryRun) {
                        e.persist();
                        auditLine(auditLines, actor, Employees.audited(e), null, Employees.Snapshot.of(e));
                        Employee created = e;
                        announcements.add(() -> List.of(
                                events.pendingEmployee(CompetenceEvents.EMPLOYEE_REGISTERED, created, 0)));
                    }
                } else if (differs(row, e)) {
                    eUpdated++;
                    if (!dryRun) {
                        Employees.Snapshot before = Employees.Snapshot.of(e);
                        boolean moved = !Objects.equals(e.unit, strip(in.unit()));
                        boolean rejoined = e.status != EmploymentStatus.ACTIVE;
                        copy(row, e);
                        if (rejoined) {
                            e.status = Transitions.move(e.status, EmploymentStatus.ACTIVE, "Employee " + e.id);
                        }
                        e.updatedAt = now;
                        e.updatedBy = actor.id();
                        if (moved || rejoined) {
                            for (CompetenceRecord r : recordsOf.getOrDefault(e.id, List.of())) {
                                r.unit = e.unit;
                                r.employeeActive = true;
                            }
                        }
                        auditLine(auditLines, actor, Employees.audited(e), before, Employees.Snapshot.of(e));
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
            CompetenceRecord r = records.get(row.recordKey());
            if (r == null) {
                rCreated++;
                if (dryRun) {
                    continue;
                }
                r = CompetenceRecord.of(e);
                r.typeCode = row.type().code;
                r.acquiredOn = row.acquiredOn();
                r.validUntil = row.validUntil().over(row.type().defaultValidUntil(row.acquiredOn()),
                        row.validUntilDate());
                r.evidenceIssuer = row.issuer().value();
                r.evidenceDocumentRef = row.documentRef().value();
                r.source = RecordSource.HR_IMPORT;
                r.trustLevel = TrustLevel.initial(null, r.evidenceDocumentRef, "trustLevel");
                r.status = RecordStatus.on(r.validUntil, day);
                r.createdAt = r.updatedAt = now;
                r.createdBy = r.updatedBy = actor.id();
                r.persist();
                records.put(row.recordKey(), r);
                auditLine(auditLines, actor, Records.audited(r), null, Records.Snapshot.of(r));
                CompetenceRecord created = r;
                Employee owner = e;
                List<String> codes = implied.getOrDefault(r.typeCode, List.of());
                announcements.add(() -> created.status == RecordStatus.EXPIRED
                        ? List.of(events.pendingRecord(CompetenceEvents.RECORD_REGISTERED, created, owner, codes, 0),
                        events.pendingRecord(CompetenceEvents.RECORD_EXPIRED, created, owner, codes, 0))
                        : List.of(events.pendingRecord(CompetenceEvents.RECORD_REGISTERED, created, owner, codes, 0)));
                continue;
            }
            LocalDate until = row.validUntil().over(r.validUntil, row.validUntilDate());
            String issuer = row.issuer().over(r.evidenceIssuer);
            String doc = row.documentRef().over(r.evidenceDocumentRef);
            if (r.status == RecordStatus.REVOKED || (Objects.equals(r.validUntil, until)
                    && Objects.equals(r.evidenceIssuer, issuer) && Objects.equals(r.evidenceDocumentRef, doc))) {
                rUnchanged++;
                continue;
            }
            rUpdated++;
            if (dryRun) {
                continue;
            }
            Records.Snapshot before = Records.Snapshot.of(r);
            boolean validityChanged = !Objects.equals(r.validUntil, until);
            r.validUntil = until;
            r.evidenceIssuer = issuer;
            r.evidenceDocumentRef = doc;
            Records.moveTo(r, RecordStatus.on(r.validUntil, day));
            r.updatedAt = now;
            r.updatedBy = actor.id();
            if (validityChanged) {
                renewed.add(r.id);
            }
            auditLine(auditLines, actor, Records.audited(r), before, Records.Snapshot.of(r));
            CompetenceRecord changed = r;
            Employee owner = e;
            long version = r.version + 1;
            List<String> codes = implied.getOrDefault(r.typeCode, List.of());
            announcements.add(() -> changed.status == RecordStatus.EXPIRED && validityChanged
                    ? List.of(events.pendingRecord(CompetenceEvents.RECORD_UPDATED, changed, owner, codes, version),
                    events.pendingRecord(CompetenceEvents.RECORD_EXPIRED, changed, owner, codes, version))
                    : List.of(events.pendingRecord(CompetenceEvents.RECORD_UPDATED, changed, owner, codes, version)));
        }
        // Entities first (batched), then the outbox rows, all in this one transaction.
        em.flush();
        for (int from = 0; from < renewed.size(); from += CHUNK) {
            recordCommands.clearExpiryNotices(renewed.subList(from, Math.min(renewed.size(), from + CHUNK)));
        }
        auditLines.forEach(Runnable::run);
        List<Outbox.Pending> pending = new ArrayList<>(announcements.size() * 2);
        announcements.forEach(a -> pending.addAll(a.get()));
        outbox.publishAll(pending);
        return new Result(dryRun, rows.size(), eCreated, eUpdated, eUnchanged, rCreated, rUpdated, rUnchanged);
    }

    private void auditLine(List<Runnable> lines, Actor actor, Audited what, Object before, Object after) {
        lines.add(() -> audit.record(actor, what, ACTION, before, after, null));
    }

    private Map<String, Employee> loadEmployees(List<Row> rows) {
        Map<String, Set<String>> numbersByHf = new HashMap<>();
        for (Row row : rows) {
            numbersByHf.computeIfAbsent(strip(row.raw().hf()), k -> new HashSet<>())
                    .add(strip(row.raw().employeeNumber()));
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

    private Map<String, CompetenceRecord> loadRecords(Collection<Employee> employees) {
        Map<UUID, String> keyOf = new HashMap<>();
        employees.forEach(e -> keyOf.put(e.id, e.hf + "\u0000" + e.employeeNumber));
        List<UUID> ids = new ArrayList<>(keyOf.keySet());
        Map<String, CompetenceRecord> result = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (CompetenceRecord r : em.createQuery("select r from CompetenceRecord r where r.employee.id in ?1",
                    CompetenceRecord.class).setParameter(1, chunk).getResultList()) {
                result.put(keyOf.get(r.employeeId) + "\u0000" + r.typeCode + "\u0000" + r.acquiredOn, r);
            }
        }
        return result;
    }

    private static void copy(Row row, Employee e) {
        ImportRow in = row.raw();
        e.name = strip(in.name());
        e.unit = strip(in.unit());
        e.personnelGroup = strip(in.personnelGroup());
        e.hprNumber = row.hpr().over(e.hprNumber);
    }

    private static boolean differs(Row row, Employee e) {
        ImportRow in = row.raw();
        return e.status != EmploymentStatus.ACTIVE || !Objects.equals(e.name, strip(in.name()))
                || !Objects.equals(e.unit, strip(in.unit()))
                || !Objects.equals(e.personnelGroup, strip(in.personnelGroup()))
                || !Objects.equals(e.hprNumber, row.hpr().over(e.hprNumber));
    }

    private static boolean sameEmployee(ImportRow a, ImportRow b) {
        return Objects.equals(strip(a.name()), strip(b.name())) && Objects.equals(strip(a.unit()), strip(b.unit()))
                && Objects.equals(strip(a.personnelGroup()), strip(b.personnelGroup()))
                && Cell.of(a.hprNumber()).equals(Cell.of(b.hprNumber()));
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

    /** @return whether the required value is present and usable */
    private static boolean required(Violations v, int i, String field, String value, int max) {
        String s = strip(value);
        if (s == null) {
            v.add(i, field, "must not be blank");
        } else if (s.equals(ImportRow.CLEAR)) {
            v.add(i, field, "is required and cannot be cleared with " + ImportRow.CLEAR);
        } else if (s.length() > max) {
            v.add(i, field, "must be at most " + max + " characters");
        } else {
            return true;
        }
        return false;
    }

    private static LocalDate date(Violations v, int i, String field, String value) {
        String s = strip(value);
        if (s == null) {
            v.add(i, field, "must not be blank");
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
