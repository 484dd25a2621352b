package no.torn.task.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import no.torn.platform.api.QueryParams;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.task.application.ProcessMappings;
import no.torn.task.domain.MappingStatus;
import no.torn.task.domain.ProcessMapping;
import no.torn.task.domain.ProcessPhase;
import no.torn.task.domain.ProcessStep;
import no.torn.task.domain.SharingMapping;
import no.torn.task.domain.StepDefinition;
import no.torn.task.domain.SupervisionLevel;
import no.torn.task.domain.Workload;
import no.torn.platform.application.Idempotency;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/process-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Process mappings", description = "TØRN method per unit: map the process, analyse, propose, trial, "
        + "evaluate; with the hours moved between personnel groups")
public class ProcessMappingResource {

    @Inject
    ProcessMappings processMappings;

    @Inject
    Caller caller;

    public record CreateProcessMappingRequest(
            @NotBlank @Size(max = 60) String hf,
            @NotBlank @Size(max = 120) String unit,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @NotNull Boolean unionRepresentativeInvolved,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> participants) {

        ProcessMappings.Start start() {
            return new ProcessMappings.Start(hf, unit, name, description, unionRepresentativeInvolved, participants);
        }
    }

    public record UpdateProcessMappingRequest(
            @NotNull Long version,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @NotNull Boolean unionRepresentativeInvolved,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> participants) {

        ProcessMappings.Description describe() {
            return new ProcessMappings.Description(name, description, unionRepresentativeInvolved, participants);
        }
    }

    public record StepRequest(
            @NotNull Long version,
            @Size(max = 500) String description,
            @NotBlank @Pattern(regexp = Codes.TASK_CODE, message = "must be a task code") String taskCode,
            @NotBlank String performerGroup,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @DecimalMax(value = "10000", message = "must be at most 10000")
            @Digits(integer = 5, fraction = 2, message = "must have at most 2 decimals") BigDecimal occurrencesPerWeek,
            @NotNull @Min(1) @Max(1440) Integer minutesPerOccurrence) {

        StepDefinition definition() {
            return new StepDefinition(description, taskCode, performerGroup, occurrencesPerWeek, minutesPerOccurrence);
        }
    }

    public record ProposalRequest(
            @NotNull Long version,
            @NotBlank String toGroup,
            @Size(max = 30) List<@NotBlank @Pattern(regexp = Codes.COMPETENCE_CODE,
                    message = "must be a competence code") String> extraRequiredCompetences,
            @Size(max = 2000) String requiredTraining,
            @NotNull SupervisionLevel supervisionLevel,
            @NotBlank @Size(max = 500) String legalBasis) {

        ProcessMappings.Proposal proposal() {
            return new ProcessMappings.Proposal(toGroup, new LinkedHashSet<>(
                    extraRequiredCompetences == null ? List.of() : extraRequiredCompetences), requiredTraining,
                    supervisionLevel, legalBasis);
        }
    }

    public record PhaseRequest(@NotNull Long version, @NotNull ProcessPhase phase) {
    }

    public record StepResponse(UUID id, int position, String description, String taskCode, String performerGroup,
                               BigDecimal occurrencesPerWeek, int minutesPerOccurrence, String proposedGroup,
                               UUID sharingMappingId, MappingStatus proposalStatus) {
    }

    public record ProcessMappingResponse(UUID id, String rhf, String hf, String unit, String name,
                                         String description, ProcessPhase phase,
                                         boolean unionRepresentativeInvolved, List<String> participants,
                                         List<StepResponse> steps, Workload workload, long version,
                                         Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    public record ProcessMappingSummary(UUID id, String rhf, String hf, String unit, String name, ProcessPhase phase,
                                        int steps, long version, Instant updatedAt) {
        static ProcessMappingSummary of(ProcessMapping m) {
            return new ProcessMappingSummary(m.id, m.rhf, m.hf, m.unit, m.name, m.phase, m.steps.size(), m.version,
                    m.updatedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "listProcessMappings",
                summary = "List process mappings of your RHF; filter by hf, unit and phase")
    public Page<ProcessMappingSummary> list(@BeanParam @Valid PageRequest page,
                                            @QueryParam("hf") String hf,
                                            @QueryParam("unit") String unit,
                                            @Parameter(description = "Filter by phase: MAPPING, ANALYSIS, "
                                                    + "PROPOSAL, TRIAL, EVALUATION",
                                                    example = "MAPPING")
                                            @QueryParam("phase") String phaseParam,
                                            @QueryParam("rhf") String rhf) {
        ProcessPhase phase = QueryParams.enumOf(ProcessPhase.class, phaseParam, "phase");
        QueryFilter filter = new QueryFilter().eq("rhf", caller.scopeForQuery(rhf).orElse(null))
                .eq("hf", hf).eq("unit", unit).eq("phase", phase);
        return Page.of(ProcessMapping.find(filter.where(), Sort.by("hf").and("unit").and("name"), filter.params()),
                page, ProcessMappingSummary::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "getProcessMapping",
                summary = "Read a process mapping with its steps and the hours per week and year moved between groups: "
            + "approved sharing mappings (after, moved, approvedHours*) apart from pending proposals "
            + "(afterProposals, proposed, proposedHours*); hours have two decimals, rounded half-up")
    public ProcessMappingResponse get(@PathParam("id") UUID id) {
        return response(processMappings.visible(caller.actor(), id));
    }

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "createProcessMapping", summary = "Start a process mapping of a unit (phase MAPPING)")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The started process mapping",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ProcessMappingResponse.class)))
    public Response create(@Valid @NotNull CreateProcessMappingRequest request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        ProcessMapping mapping = processMappings.create(caller.actor(), idempotencyKey,
                request.start());
        return Response.created(URI.create("/api/v1/process-mappings/" + mapping.id))
                .entity(response(mapping)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "updateProcessMapping",
                summary = "Change name, description and the staff involvement of a process mapping")
    public ProcessMappingResponse update(@PathParam("id") UUID id,
                                         @Valid @NotNull UpdateProcessMappingRequest request) {
        return response(processMappings.update(caller.actor(), id, request.version(), request.describe()));
    }

    @POST
    @Path("/{id}/steps")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "addProcessStep",
                summary = "Add a step: task, current performer group, occurrences per week, minutes per occurrence")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The process mapping with the new step",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ProcessMappingResponse.class)))
    public Response addStep(@PathParam("id") UUID id, @Valid @NotNull StepRequest request,
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        // The step has no address of its own: Location names the process mapping that holds it.
        return Response.created(URI.create("/api/v1/process-mappings/" + id)).entity(response(processMappings
                .addStep(caller.actor(), idempotencyKey, id, request.version(), request.definition()))).build();
    }

    @PUT
    @Path("/{id}/steps/{stepId}")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "updateProcessStep", summary = "Change a step")
    public ProcessMappingResponse updateStep(@PathParam("id") UUID id, @PathParam("stepId") UUID stepId,
                                             @Valid @NotNull StepRequest request) {
        return response(processMappings.updateStep(caller.actor(), id, stepId, request.version(),
                request.definition()));
    }

    @DELETE
    @Path("/{id}/steps/{stepId}")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "removeProcessStep",
                summary = "Remove a step without a proposal (query parameter version: the process mapping's version)")
    public ProcessMappingResponse removeStep(@PathParam("id") UUID id, @PathParam("stepId") UUID stepId,
                                             @QueryParam("version") @NotNull Long version) {
        return response(processMappings.removeStep(caller.actor(), id, stepId, version));
    }

    @POST
    @Path("/{id}/steps/{stepId}/proposal")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "proposeProcessStepChange",
                summary = "Propose a new performer group for a step; creates a sharing mapping in status PROPOSED")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The process mapping with the proposal",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ProcessMappingResponse.class)))
    public Response propose(@PathParam("id") UUID id, @PathParam("stepId") UUID stepId,
                            @Valid @NotNull ProposalRequest request,
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        ProcessMapping mapping = processMappings.propose(caller.actor(), idempotencyKey, id, stepId,
                request.version(), request.proposal());
        return Response.created(URI.create("/api/v1/process-mappings/" + id)).entity(response(mapping)).build();
    }

    @POST
    @Path("/{id}/phase")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "changeProcessMappingPhase",
                summary = "Move to the next phase: MAPPING → ANALYSIS → PROPOSAL → TRIAL → EVALUATION")
    public ProcessMappingResponse changePhase(@PathParam("id") UUID id, @Valid @NotNull PhaseRequest request) {
        return response(processMappings.changePhase(caller.actor(), id, request.version(),
                request.phase()));
    }

    /**
     * An approved proposal counts in the "after" and "moved" figures; a draft or proposed one only in
     * "afterProposals" and "proposed"; a retired one in none.
     */
    private static ProcessMappingResponse response(ProcessMapping m) {
        List<UUID> proposalIds = m.steps.stream().map(s -> s.sharingMappingId).filter(java.util.Objects::nonNull)
                .toList();
        Map<UUID, MappingStatus> statuses = proposalIds.isEmpty() ? Map.of()
                : SharingMapping.<SharingMapping>list("id in ?1", proposalIds).stream()
                .collect(Collectors.toMap(s -> s.id, s -> s.status));
        List<StepResponse> steps = new ArrayList<>();
        List<Workload.StepLoad> loads = new ArrayList<>();
        for (ProcessStep s : m.steps) {
            MappingStatus proposalStatus = s.sharingMappingId == null ? null : statuses.get(s.sharingMappingId);
            steps.add(new StepResponse(s.id, s.position, s.description, s.taskCode, s.performerGroup,
                    s.occurrencesPerWeek, s.minutesPerOccurrence, s.proposedGroup, s.sharingMappingId,
                    proposalStatus));
            String proposed = proposalStatus == null || proposalStatus == MappingStatus.RETIRED ? null : s.proposedGroup;
            loads.add(new Workload.StepLoad(s.performerGroup, proposed, proposalStatus == MappingStatus.APPROVED,
                    s.occurrencesPerWeek, s.minutesPerOccurrence));
        }
        return new ProcessMappingResponse(m.id, m.rhf, m.hf, m.unit, m.name, m.description, m.phase,
                m.unionRepresentativeInvolved, List.copyOf(m.participants), steps, Workload.of(loads), m.version,
                m.createdAt, m.createdBy, m.updatedAt, m.updatedBy);
    }
}
