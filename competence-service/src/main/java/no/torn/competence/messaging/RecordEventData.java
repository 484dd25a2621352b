package no.torn.competence.messaging;

import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.Employee;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of every record event. It carries the employee's placement and group and the type's implied codes, so a
 * consumer can decide "holds X valid on day D" from its read model alone.
 */
public record RecordEventData(UUID recordId, UUID employeeId, String rhf, String hf, String unit,
                              String personnelGroup, String competenceCode, List<String> impliedCodes,
                              LocalDate acquiredOn, LocalDate validUntil, String status, String trustLevel,
                              String reason, Integer thresholdDays, long version) {

    public static RecordEventData of(CompetenceRecord r, Employee e, List<String> impliedCodes, Integer thresholdDays,
                                     long version) {
        return new RecordEventData(r.id, e.id, r.rhf, r.hf, r.unit, e.personnelGroup, r.typeCode,
                List.copyOf(impliedCodes), r.acquiredOn, r.validUntil, r.status.name(), r.trustLevel.name(),
                r.revocationReason, thresholdDays, version);
    }
}
