package no.torn.competence.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Writes the change history of records: a snapshot before, a snapshot after, the difference stored. */
@ApplicationScoped
public class RecordHistory {

    @Inject
    ObjectMapper mapper;

    @Inject
    Today today;

    public static Map<String, Object> snapshot(CompetenceRecord r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("competenceCode", r.typeCode);
        s.put("acquiredOn", r.acquiredOn == null ? null : r.acquiredOn.toString());
        s.put("validUntil", r.validUntil == null ? null : r.validUntil.toString());
        s.put("evidenceIssuer", r.evidenceIssuer);
        s.put("evidenceDocumentReference", r.evidenceDocumentRef);
        s.put("attestedBy", r.attestedBy == null ? null : r.attestedBy.toString());
        s.put("attestationLevel", r.attestationLevel);
        s.put("trustLevel", r.trustLevel == null ? null : r.trustLevel.name());
        s.put("status", r.status == null ? null : r.status.name());
        s.put("revocationReason", r.revocationReason);
        s.put("unit", r.unit);
        return s;
    }

    /** Records the change from {@code before} (null for a new record) to the record's current state. */
    public void write(CompetenceRecord record, Map<String, Object> before, String action, String actor) {
        Map<String, Object> after = snapshot(record);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : after.entrySet()) {
            Object old = before == null ? null : before.get(e.getKey());
            if (!Objects.equals(old, e.getValue())) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", old);
                change.put("to", e.getValue());
                changes.put(e.getKey(), change);
            }
        }
        RecordHistoryEntry entry = new RecordHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.recordId = record.id;
        entry.rhf = record.rhf;
        entry.at = today.now();
        entry.actor = actor;
        entry.action = action;
        try {
            entry.changes = mapper.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entry.persist();
    }
}
