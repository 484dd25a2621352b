package no.torn.responsibility.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.audit.AuditEntry;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.time.Today;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.CompetenceCheck;
import no.torn.responsibility.domain.CompetenceRecordHistory;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import no.torn.responsibility.domain.EmployeeView;
import no.torn.responsibility.domain.PointInTimeHistory;
import no.torn.responsibility.domain.PointInTimeHistory.Known;
import no.torn.responsibility.domain.PointInTimeHistory.StatusChange;
import no.torn.responsibility.domain.SharingDecision;
import no.torn.responsibility.domain.TaskView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "Was employee E qualified for, and delegated, task T on day D, and under which rules?" for incident review,
 * answered as known at the end of D (Europe/Oslo): competence records from their history, delegation and
 * clarification statuses from the audit trail. What is known now is shown beside it where it differs, so a record
 * corrected later is visible without rewriting the past.
 */
@ApplicationScoped
public class PointInTime {

    private static final List<String> SHARING_RULES = List.of(SharingDecision.TASK_IN_FORCE,
            SharingDecision.HEALTH_PROFESSIONAL, SharingDecision.UNTRAINED_STAFF, SharingDecision.APPROVED_MAPPING,
            SharingDecision.SUPERVISION);

    /**
     * The answer, as served: everything is as known at {@code knownAsOf} (the start of the next Norwegian day);
     * {@code knownNow} and {@code metAsKnownNow} show where later corrections tell otherwise.
     */
    @Schema(name = "PointInTimeAnswer")
    public record Answer(UUID employeeId, String taskCode, LocalDate date, Instant knownAsOf, Instant answeredAt,
                         boolean qualified, boolean delegated, boolean qualifiedAsKnownNow, Rules rules,
                         List<RecordOnDate> competences, List<DelegationOnDate> delegations) {
    }

    /** What the answer rests on: the requirements, their source, the clarification, and each rule evaluated. */
    @Schema(name = "PointInTimeRules")
    public record Rules(List<String> requiredCompetences, String requirementsFrom, UUID delegationId,
                        ClarificationOnDate clarification, List<RuleOnDate> evaluated) {
    }

    @Schema(name = "PointInTimeClarificationOnDate")
    public record ClarificationOnDate(UUID clarificationId, String statusOnDate, String statusNow,
                                      UUID appliedMappingId) {
    }

    /** One rule on D; {@code metAsKnownNow} differs from {@code met} only when a record was corrected since. */
    @Schema(name = "PointInTimeRuleOnDate")
    public record RuleOnDate(String rule, boolean met, String detail, boolean metAsKnownNow) {
    }

    @Schema(name = "PointInTimeRecordState")
    public record RecordState(long sourceVersion, String competenceCode, List<String> impliedCodes,
                              LocalDate acquiredOn, LocalDate validUntil, String status, String trustLevel,
                              String reason, Instant recordedAt, boolean validOnDate) {
        static RecordState of(Known k, LocalDate day) {
            return k == null ? null : new RecordState(k.sourceVersion(), k.competenceCode(), k.impliedCodes(),
                    k.acquiredOn(), k.validUntil(), k.status(), k.trustLevel(), k.reason(), k.recordedAt(),
                    k.held().validOn(day));
        }
    }

    /** A record bearing on the requirements: as known at the end of D, and now when that differs. */
    @Schema(name = "PointInTimeRecordOnDate")
    public record RecordOnDate(UUID recordId, RecordState knownThen, RecordState knownNow, boolean changedSince) {
    }

    @Schema(name = "PointInTimeAuditLine")
    public record AuditLine(long id, Instant at, String action, String actorName, String actorRole, String reason) {
    }

    @Schema(name = "PointInTimeDelegationOnDate")
    public record DelegationOnDate(UUID delegationId, UUID clarificationId, LocalDate validFrom, LocalDate validTo,
                                   String statusOnDate, String statusNow, List<String> requiredCompetences,
                                   List<AuditLine> audit) {
    }

    @Inject
    Today today;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper mapper;

    /**
     * Readable by whoever may read the employee's delegations (foreign employee or task: 404); another person's
     * competence history is personal data, so the read is audit-logged like {@link Authorisations#ofEmployee}.
     */
    @Transactional
    public Answer on(Actor actor, UUID employeeId, String taskCode, LocalDate day) {
        EmployeeView employee = EmployeeView.findById(employeeId);
        actor.visible(employee, employee == null ? null : employee.rhf, "Employee", employeeId);
        boolean self = Access.isSelf(actor, employee);
        if (!self && !Access.readsEveryDelegation(actor)) {
            throw ProblemException.notFound("Employee", employeeId);
        }
        TaskView task = TaskView.findById(taskCode);
        if (task == null || !task.usableBy(employee.rhf)) {
            throw ProblemException.notFound("Task", taskCode);
        }
        Instant end = PointInTimeHistory.endOf(day);

        List<Delegation> covering = Delegation.list("employeeId = ?1 and taskCode = ?2 and validFrom <= ?3"
                + " and (validTo is null or validTo >= ?3) order by createdAt, id", employeeId, taskCode, day);
        List<DelegationOnDate> delegations = covering.stream().map(d -> delegationOn(d, end)).toList();
        DelegationOnDate basis = delegations.stream()
                .filter(d -> DelegationStatus.ACTIVE.name().equals(d.statusOnDate())).findFirst()
                .or(() -> delegations.stream().filter(d -> d.statusOnDate() != null)
                        .reduce((first, second) -> second))
                .orElse(null);

        List<String> required = basis != null ? basis.requiredCompetences() : List.copyOf(task.requiredCompetences);
        ClarificationOnDate clarification = basis == null ? null : clarificationOn(basis.clarificationId(), end);

        List<Known> rows = CompetenceRecordHistory.ofEmployee(employeeId).stream()
                .map(CompetenceRecordHistory::known).toList();
        Map<UUID, Known> then = PointInTimeHistory.knownBefore(rows, end);
        Map<UUID, Known> now = PointInTimeHistory.latest(rows);
        List<RecordOnDate> records = records(then, now, required, day);

        List<RuleOnDate> rules = new ArrayList<>();
        rules.add(competenceRule(required, then, now, day));
        rules.addAll(sharingRules(employee, task, clarification));
        boolean shareMet = rules.stream().skip(1).allMatch(RuleOnDate::met);
        boolean qualified = rules.stream().allMatch(RuleOnDate::met);
        boolean qualifiedNow = rules.get(0).metAsKnownNow() && shareMet;
        boolean delegated = basis != null && DelegationStatus.ACTIVE.name().equals(basis.statusOnDate());

        if (!self) {
            audit.record(actor, new Audited(Authorisations.AUDIT_TYPE, employee.employeeId, employee.rhf,
                    employee.hf), "VIEWED", null, null, "point in time read: task " + taskCode + " on " + day);
        }
        return new Answer(employeeId, taskCode, day, end, today.now(), qualified, delegated, qualifiedNow,
                new Rules(required, basis != null ? "DELEGATION" : "TASK",
                        basis == null ? null : basis.delegationId(), clarification, rules),
                records, delegations);
    }

    private DelegationOnDate delegationOn(Delegation d, Instant end) {
        List<AuditEntry> lines = trail(Delegations.AUDIT_TYPE, d.id, end);
        JsonNode state = lastState(lines);
        List<String> required = state != null && state.path("requiredCompetences").isArray()
                ? texts(state.path("requiredCompetences")) : List.copyOf(d.requiredCompetences);
        return new DelegationOnDate(d.id, d.clarificationId, d.validFrom, d.validTo, status(state), d.status.name(),
                required, lines.stream().map(a -> new AuditLine(a.id, a.at, a.action, a.actorName, a.actorRole,
                        a.reason)).toList());
    }

    private ClarificationOnDate clarificationOn(UUID id, Instant end) {
        Clarification c = Clarification.findById(id);
        JsonNode state = lastState(trail(Clarifications.AUDIT_TYPE, id, end));
        UUID applied = state != null && state.hasNonNull("appliedMappingId")
                ? UUID.fromString(state.get("appliedMappingId").asText()) : c.appliedMappingId;
        return new ClarificationOnDate(id, status(state), c.status.name(), applied);
    }

    /** The entity's audit lines before {@code end}, in order; their states after give the status history. */
    private static List<AuditEntry> trail(String type, UUID id, Instant end) {
        return AuditEntry.list("entityType = ?1 and entityId = ?2 and at < ?3 order by at, id", type,
                id.toString(), end);
    }

    /** The state after the last line that names a status (old lines may carry no snapshot). */
    private JsonNode lastState(List<AuditEntry> lines) {
        List<StatusChange> changes = new ArrayList<>();
        Map<Long, JsonNode> states = new java.util.HashMap<>();
        for (AuditEntry line : lines) {
            JsonNode after = parse(line.after);
            states.put(line.id, after);
            changes.add(new StatusChange(line.at, line.id, after == null ? null : after.path("status").asText(null)));
        }
        return PointInTimeHistory.lastChange(changes).map(change -> states.get(change.sequence())).orElse(null);
    }

    private JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit snapshot is not JSON", e);
        }
    }

    private static String status(JsonNode state) {
        return state == null ? null : state.path("status").asText(null);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<RecordOnDate> records(Map<UUID, Known> then, Map<UUID, Known> now, List<String> required,
                                              LocalDate day) {
        Set<UUID> ids = new LinkedHashSet<>(then.keySet());
        ids.addAll(now.keySet());
        List<RecordOnDate> records = new ArrayList<>();
        for (UUID id : ids) {
            Known before = then.get(id);
            Known latest = now.get(id);
            if (!(before != null && before.bearsOn(required)) && !(latest != null && latest.bearsOn(required))) {
                continue;
            }
            boolean changed = before == null || !before.sameFacts(latest);
            records.add(new RecordOnDate(id, RecordState.of(before, day),
                    changed ? RecordState.of(latest, day) : null, changed));
        }
        records.sort(Comparator.comparing((RecordOnDate r) -> r.knownThen() == null ? r.knownNow().competenceCode()
                : r.knownThen().competenceCode()));
        return records;
    }

    /** R-COMP-01 on the day: as known at its end, and as known now. */
    private static RuleOnDate competenceRule(List<String> required, Map<UUID, Known> then, Map<UUID, Known> now,
                                             LocalDate day) {
        List<String> missingThen = CompetenceCheck.missing(required, helds(then), day);
        List<String> missingNow = CompetenceCheck.missing(required, helds(now), day);
        String detail = missingThen.isEmpty()
                ? (required.isEmpty() ? "no competence required" : "held validly on " + day + ": "
                + String.join(", ", required))
                : "no valid competence record on " + day + " for " + String.join(", ", missingThen);
        if (!missingThen.equals(missingNow)) {
            detail += "; as known now, " + (missingNow.isEmpty() ? "every required competence was held"
                    : "missing " + String.join(", ", missingNow));
        }
        return new RuleOnDate(SharingDecision.COMPETENCE, missingThen.isEmpty(), detail, missingNow.isEmpty());
    }

    private static List<CompetenceCheck.Held> helds(Map<UUID, Known> records) {
        return records.values().stream().map(Known::held).toList();
    }

    /**
     * The sharing decision as stored: a clarification in force on D had it met at its approval (and would have been
     * suspended had it stopped holding). Otherwise it is decided with the task and mappings as held now, for the
     * clarification's performing group or, without one, the employee's group.
     */
    private static List<RuleOnDate> sharingRules(EmployeeView employee, TaskView task,
                                                 ClarificationOnDate clarification) {
        List<RuleOnDate> rules = new ArrayList<>();
        if (clarification != null && "ACTIVE".equals(clarification.statusOnDate())) {
            String detail = "met: clarification " + clarification.clarificationId() + " was in force"
                    + (clarification.appliedMappingId() == null ? " (basis: the task)"
                    : " through mapping " + clarification.appliedMappingId());
            SHARING_RULES.forEach(code -> rules.add(new RuleOnDate(code, true, detail, true)));
            return rules;
        }
        Clarification c = clarification == null ? null : Clarification.findById(clarification.clarificationId());
        String group = c != null ? c.performingGroup : employee.personnelGroup;
        UUID mapping = c == null ? null : c.appliedMappingId != null ? c.appliedMappingId : c.mappingId;
        SharingDecision.Result result = SharingDecisions.decide(employee.rhf, task, mapping, group, null);
        String basisText = (clarification == null ? "no clarification on the day"
                : "clarification " + clarification.clarificationId() + " was " + clarification.statusOnDate()
                + " on the day") + "; decided for " + group + " with the task and mappings as held now";
        for (String code : SHARING_RULES) {
            List<String> unmet = result.unmet().stream().filter(r -> r.rule().equals(code))
                    .map(r -> r.detail()).toList();
            rules.add(new RuleOnDate(code, unmet.isEmpty(), (unmet.isEmpty() ? "met" : String.join("; ", unmet))
                    + " (" + basisText + ")", unmet.isEmpty()));
        }
        return rules;
    }
}
