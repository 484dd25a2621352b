package no.torn.responsibility.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.Raci;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request and response shapes. Requests never carry id, rhf, status or audit fields: those come from the token and
 * the workflow.
 */
public final class Dtos {

    private Dtos() {
    }

    public record PartyDto(@NotNull Raci raci, @NotBlank @Size(max = 200) String party) {
    }

    /** Create or (with {@code version}) replace the content of a clarification. */
    public record ClarificationRequest(
            @NotBlank @Size(max = 60) String hf,
            @NotBlank @Size(max = 120) String unit,
            UUID mappingId,
            @Size(max = 120) String taskCode,
            @Size(max = 40) String delegatingGroup,
            @Size(max = 40) String performingGroup,
            @NotBlank @Size(max = 200) String supervisorRole,
            @NotBlank @Size(max = 2000) String legalBasis,
            @NotBlank @Size(max = 8000) String riskAssessment,
            @Size(max = 8000) String conditions,
            @NotNull LocalDate activeFrom,
            @NotNull LocalDate reviewDate,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid PartyDto> parties,
            Long version) {
    }

    /** A state change; {@code version} guards against acting on a stale read. */
    public record TransitionRequest(@NotNull Long version, @Size(max = 1000) String reason) {
    }

    public record DelegationRequest(
            @NotNull UUID clarificationId,
            @NotNull UUID employeeId,
            @NotBlank @Size(max = 200) String delegator,
            @NotBlank @Size(max = 200) String supervisor,
            @NotNull LocalDate validFrom,
            LocalDate validTo) {
    }

    /** The employee's own statement; it must be true for the delegation to become active. */
    public record ConfirmationRequest(
            @NotNull Long version,
            @NotNull @AssertTrue(message = "you must consider yourself competent to accept the delegation")
            Boolean consideredCompetent) {
    }

    public record ClarificationView(UUID id, String rhf, String hf, String unit, String taskCode, UUID mappingId,
                                    String delegatingGroup, String performingGroup, String supervisorRole,
                                    String legalBasis, String riskAssessment, String conditions,
                                    LocalDate activeFrom, LocalDate reviewDate, List<PartyDto> parties,
                                    String status, String statusReason, String createdBy, Instant createdAt,
                                    Instant updatedAt, String submittedBy, Instant submittedAt, String approvedBy,
                                    Instant approvedAt, UUID appliedMappingId, List<String> requiredCompetences,
                                    long version) {
        static ClarificationView of(Clarification c) {
            return new ClarificationView(c.id, c.rhf, c.hf, c.unit, c.taskCode, c.mappingId, c.delegatingGroup,
                    c.performingGroup, c.supervisorRole, c.legalBasis, c.riskAssessment, c.conditions, c.activeFrom,
                    c.reviewDate, c.parties.stream().map(p -> new PartyDto(p.raci, p.party)).toList(),
                    c.status.name(), c.statusReason, c.createdBy, c.createdAt, c.updatedAt, c.submittedBy,
                    c.submittedAt, c.approvedBy, c.approvedAt, c.appliedMappingId,
                    List.copyOf(c.requiredCompetences), c.version);
        }
    }

    public record DelegationView(UUID id, String rhf, String hf, String unit, UUID clarificationId, String taskCode,
                                 UUID employeeId, String delegator, String supervisor, LocalDate validFrom,
                                 LocalDate validTo, List<String> requiredCompetences, String status,
                                 String statusReason, String competenceCode, Instant confirmedAt,
                                 String createdBy, Instant createdAt, Instant updatedAt, long version) {
        static DelegationView of(Delegation d) {
            return new DelegationView(d.id, d.rhf, d.hf, d.unit, d.clarificationId, d.taskCode, d.employeeId,
                    d.delegator, d.supervisor, d.validFrom, d.validTo, List.copyOf(d.requiredCompetences),
                    d.status.name(), d.statusReason, d.competenceCode, d.confirmedAt, d.createdBy, d.createdAt,
                    d.updatedAt, d.version);
        }
    }
}
