package no.torn.responsibility.api;

import no.torn.responsibility.application.PointInTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer to "was employee E qualified for, and delegated, task T on day D, and under which rules?". Everything
 * is as known at {@code knownAsOf} (the start of the next Norwegian day); {@code knownNow} and
 * {@code metAsKnownNow} show where later corrections tell otherwise.
 */
public record PointInTimeView(UUID employeeId, String taskCode, LocalDate date, Instant knownAsOf,
                              Instant answeredAt, boolean qualified, boolean delegated, boolean qualifiedAsKnownNow,
                              RulesView rules, List<RecordView> competences, List<DelegationOnDateView> delegations) {

    public record RulesView(List<String> requiredCompetences, String requirementsFrom, UUID delegationId,
                            ClarificationOnDateView clarification, List<RuleView> evaluated) {
    }

    public record ClarificationOnDateView(UUID clarificationId, String statusOnDate, String statusNow,
                                          UUID appliedMappingId) {
    }

    public record RuleView(String rule, boolean met, String detail, boolean metAsKnownNow) {
    }

    public record RecordStateView(long sourceVersion, String competenceCode, List<String> impliedCodes,
                                  LocalDate acquiredOn, LocalDate validUntil, String status, String trustLevel,
                                  String reason, Instant recordedAt, boolean validOnDate) {
    }

    public record RecordView(UUID recordId, RecordStateView knownThen, RecordStateView knownNow,
                             boolean changedSince) {
    }

    public record AuditLineView(long id, Instant at, String action, String actorName, String actorRole,
                                String reason) {
    }

    public record DelegationOnDateView(UUID delegationId, UUID clarificationId, LocalDate validFrom,
                                       LocalDate validTo, String statusOnDate, String statusNow,
                                       List<String> requiredCompetences, List<AuditLineView> audit) {
    }

    static PointInTimeView of(PointInTime.Answer a) {
        PointInTime.Rules r = a.rules();
        PointInTime.ClarificationOnDate c = r.clarification();
        return new PointInTimeView(a.employeeId(), a.taskCode(), a.date(), a.knownAsOf(), a.answeredAt(),
                a.qualified(), a.delegated(), a.qualifiedAsKnownNow(),
                new RulesView(r.requiredCompetences(), r.requirementsFrom(), r.delegationId(),
                        c == null ? null : new ClarificationOnDateView(c.clarificationId(), c.statusOnDate(),
                                c.statusNow(), c.appliedMappingId()),
                        r.evaluated().stream().map(e -> new RuleView(e.rule(), e.met(), e.detail(),
                                e.metAsKnownNow())).toList()),
                a.competences().stream().map(x -> new RecordView(x.recordId(), state(x.knownThen()),
                        state(x.knownNow()), x.changedSince())).toList(),
                a.delegations().stream().map(d -> new DelegationOnDateView(d.delegationId(), d.clarificationId(),
                        d.validFrom(), d.validTo(), d.statusOnDate(), d.statusNow(), d.requiredCompetences(),
                        d.audit().stream().map(l -> new AuditLineView(l.id(), l.at(), l.action(), l.actorName(),
                                l.actorRole(), l.reason())).toList())).toList());
    }

    private static RecordStateView state(PointInTime.RecordState s) {
        return s == null ? null : new RecordStateView(s.sourceVersion(), s.competenceCode(), s.impliedCodes(),
                s.acquiredOn(), s.validUntil(), s.status(), s.trustLevel(), s.reason(), s.recordedAt(),
                s.validOnDate());
    }
}
