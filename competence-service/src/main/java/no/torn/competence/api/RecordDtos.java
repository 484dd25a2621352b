package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.RecordSource;
import no.torn.competence.domain.RecordStatus;
import no.torn.competence.domain.TrustLevel;
import no.torn.platform.audit.AuditLog;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of competence records. */
public final class RecordDtos {

    private RecordDtos() {
    }

    @Schema(name = "Evidence")
    public record Evidence(@Size(max = 200) @NoNationalId String issuer,
                           @Size(max = 200) @NoNationalId String documentReference) {
    }

    @Schema(name = "RecordCreate")
    public record Create(
            @NotNull UUID employeeId,
            @NotBlank String competenceCode,
            @NotNull LocalDate acquiredOn,
            @Schema(description = "defaults to acquiredOn + the type's validity; null when the type does not lapse")
            LocalDate validUntil,
            @Valid Evidence evidence,
            @Schema(description = "SELF_DECLARED or VERIFIED; defaults to VERIFIED with a document reference, "
                    + "else SELF_DECLARED. ATTESTED comes only from an attestation.")
            TrustLevel trustLevel) {
    }

    @Schema(name = "RecordUpdate")
    public record Update(
            @NotNull LocalDate validUntil,
            @Valid Evidence evidence,
            @NotNull Long version) {
    }

    @Schema(name = "RecordRevoke")
    public record Revoke(@NotBlank @Size(max = 500) @NoNationalId String reason, @NotNull Long version) {
    }

    @Schema(name = "RecordAttest")
    public record Attest(@NotNull UUID attestedBy,
                         @NotNull @Min(1) @Max(3) Integer level,
                         @NotNull Long version) {
    }

    @Schema(name = "Attestation")
    public record Attestation(UUID attestedBy, Instant attestedAt, Integer level) {
    }

    @Schema(name = "CompetenceRecord")
    public record View(UUID id, UUID employeeId, String rhf, String hf, String unit, String competenceCode,
                       LocalDate acquiredOn, LocalDate validUntil, Evidence evidence, Attestation attestation,
                       RecordSource source, TrustLevel trustLevel, RecordStatus status, String revocationReason,
                       @Schema(description = "valid on the day asked for (today unless validOn is given); "
                               + "decided by dates, even before the expiry job has run") boolean valid,
                       long version, Instant createdAt, Instant updatedAt) {

        static View of(CompetenceRecord r, LocalDate day) {
            Evidence evidence = r.evidenceIssuer == null && r.evidenceDocumentRef == null ? null
                    : new Evidence(r.evidenceIssuer, r.evidenceDocumentRef);
            Attestation attestation = r.attestedBy == null ? null
                    : new Attestation(r.attestedBy, r.attestedAt, r.attestationLevel);
            return new View(r.id, r.employeeId, r.rhf, r.hf, r.unit, r.typeCode, r.acquiredOn, r.validUntil,
                    evidence, attestation, r.source, r.trustLevel, r.status, r.revocationReason, r.isValidOn(day),
                    r.version, r.createdAt, r.updatedAt);
        }
    }

    @Schema(name = "EmployeeCompetences")
    public record EmployeeCompetences(EmployeeDtos.View employee, LocalDate validOn, List<View> records,
                                      @Schema(description = "codes held validly on validOn, implied ones included")
                                      List<String> validCodes) {
    }

    @Schema(name = "RecordHistoryEntry")
    public record HistoryEntry(Instant at,
                               @Schema(description = "who: id, display name and role at the time") AuditLog.ActorView actor,
                               String action,
                               @Schema(description = "the changed fields, each as {from, to}") JsonNode changes,
                               String reason) {

        static HistoryEntry of(AuditLog.View line) {
            return new HistoryEntry(line.at(), line.actor(), line.action(), changes(line.before(), line.after()),
                    line.reason());
        }

        /** The fields whose value differs between two audit snapshots (either may be absent). */
        static JsonNode changes(JsonNode before, JsonNode after) {
            Set<String> fields = new LinkedHashSet<>();
            for (JsonNode state : new JsonNode[] {after, before}) {
                if (state != null) {
                    state.fieldNames().forEachRemaining(fields::add);
                }
            }
            ObjectNode changes = JsonNodeFactory.instance.objectNode();
            for (String field : fields) {
                JsonNode from = valueOf(before, field);
                JsonNode to = valueOf(after, field);
                if (!from.equals(to)) {
                    ObjectNode change = changes.putObject(field);
                    change.set("from", from);
                    change.set("to", to);
                }
            }
            return changes;
        }

        private static JsonNode valueOf(JsonNode state, String field) {
            JsonNode value = state == null ? null : state.get(field);
            return value == null ? NullNode.instance : value;
        }
    }
}
