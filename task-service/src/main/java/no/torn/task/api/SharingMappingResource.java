package no.torn.task.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import no.torn.platform.api.QueryParams;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import no.torn.task.api.TaskDtos.VersionRequest;
import no.torn.task.application.SharingMappings;
import no.torn.task.domain.MappingDefinition;
import no.torn.task.domain.MappingStatus;
import no.torn.task.domain.RiskLevel;
import no.torn.task.domain.SharingMapping;
import no.torn.task.domain.SupervisionLevel;
import no.torn.platform.application.Idempotency;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/sharing-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sharing mappings", description = "Tasks moved between personnel groups: draft → proposed → approved → retired")
public class SharingMappingResource {

    @Inject
    SharingMappings mappings;

    @Inject
    Caller caller;

    public record MappingRequest(
            @NotBlank @Pattern(regexp = Codes.TASK_CODE, message = "must be a task code") String taskCode,
            @NotBlank String fromGroup,
            @NotBlank String toGroup,
            @Size(max = 30) List<@NotBlank @Pattern(regexp = Codes.COMPETENCE_CODE,
                    message = "must be a competence code") String> extraRequiredCompetences,
            @Size(max = 2000) String requiredTraining,
            @NotNull SupervisionLevel supervisionLevel,
            @NotBlank @Size(max = 500) String legalBasis) {

        MappingDefinition definition() {
            return new MappingDefinition(taskCode, fromGroup, toGroup, new LinkedHashSet<>(
                    extraRequiredCompetences == null ? List.of() : extraRequiredCompetences), requiredTraining,
                    supervisionLevel, legalBasis);
        }
    }

    public record UpdateMappingRequest(
            @NotNull Long version,
            @NotBlank @Pattern(regexp = Codes.TASK_CODE, message = "must be a task code") String taskCode,
            @NotBlank String fromGroup,
            @NotBlank String toGroup,
            @Size(max = 30) List<@NotBlank @Pattern(regexp = Codes.COMPETENCE_CODE,
                    message = "must be a competence code") String> extraRequiredCompetences,
            @Size(max = 2000) String requiredTraining,
            @NotNull SupervisionLevel supervisionLevel,
            @NotBlank @Size(max = 500) String legalBasis) {

        MappingDefinition definition() {
            return new MappingRequest(taskCode, fromGroup, toGroup, extraRequiredCompetences, requiredTraining,
                    supervisionLevel, legalBasis).definition();
        }
    }

    /** Who moved the mapping into each state, and when: {@code <state>At} and {@code <state>By}, as on every record. */
    public record MappingResponse(UUID id, String rhf, String taskCode, String taskTitle, String fromGroup,
                                  String toGroup, List<String> taskRequiredCompetences,
                                  List<String> extraRequiredCompetences, List<String> requiredCompetences,
                                  String requiredTraining, SupervisionLevel supervisionLevel, RiskLevel riskLevel,
                                  String legalBasis, MappingStatus status, UUID processMappingId, long version,
                                  Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                                  Instant proposedAt, String proposedBy, Instant approvedAt, String approvedBy,
                                  Instant retiredAt, String retiredBy) {
        static MappingResponse of(SharingMapping m) {
            return new MappingResponse(m.id, m.rhf, m.taskCode, m.task.title, m.fromGroup, m.toGroup,
                    m.task.sortedRequiredCompetences(), m.sortedExtraCompetences(), m.allRequiredCompetences(),
                    m.requiredTraining, m.supervisionLevel, m.task.riskLevel, m.legalBasis, m.status,
                    m.processMappingId, m.version, m.createdAt, m.createdBy, m.updatedAt, m.updatedBy,
                    m.proposedAt, m.proposedBy, m.approvedAt, m.approvedBy, m.retiredAt, m.retiredBy);
        }
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "listSharingMappings",
                summary = "List your RHF's sharing mappings; filter by task, groups and status")
    public Page<MappingResponse> list(@BeanParam @Valid PageRequest page,
                                      @QueryParam("taskCode") String taskCode,
                                      @QueryParam("fromGroup") String fromGroup,
                                      @QueryParam("toGroup") String toGroup,
                                      @Parameter(description = "Filter by status: DRAFT, PROPOSED, APPROVED, RETIRED",
                                              example = "DRAFT")
                                      @QueryParam("status") String statusParam,
                                      @QueryParam("rhf") String rhf) {
        MappingStatus status = QueryParams.enumOf(MappingStatus.class, statusParam, "status");
        QueryFilter filter = new QueryFilter().eq("rhf", caller.scopeForQuery(rhf).orElse(null))
                .eq("taskCode", taskCode).eq("fromGroup", fromGroup).eq("toGroup", toGroup).eq("status", status);
        return Page.of(SharingMapping.find(filter.where(), Sort.by("taskCode").and("fromGroup").and("toGroup")
                .and("createdAt"), filter.params()), page, MappingResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "getSharingMapping", summary = "Read a sharing mapping")
    public MappingResponse get(@PathParam("id") UUID id) {
        return MappingResponse.of(mappings.visible(caller.actor(), id));
    }

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "createSharingMapping", summary = "Draft a sharing mapping in your RHF")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The drafted sharing mapping",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = MappingResponse.class)))
    public Response create(@Valid @NotNull MappingRequest request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        SharingMapping mapping = mappings.create(caller.actor(), idempotencyKey,
                request.definition());
        return Response.created(URI.create("/api/v1/sharing-mappings/" + mapping.id))
                .entity(MappingResponse.of(mapping)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "updateSharingMapping",
                summary = "Change a draft sharing mapping (body carries the version read)")
    public MappingResponse update(@PathParam("id") UUID id, @Valid @NotNull UpdateMappingRequest request) {
        return MappingResponse.of(mappings.update(caller.actor(), id, request.version(), request.definition()));
    }

    @POST
    @Path("/{id}/propose")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "proposeSharingMapping", summary = "Propose a draft mapping for approval")
    public MappingResponse propose(@PathParam("id") UUID id, @Valid @NotNull VersionRequest request) {
        return MappingResponse.of(mappings.propose(caller.actor(), id, request.version()));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.RHF_ADMIN})
    @Operation(operationId = "approveSharingMapping", summary = "Approve a proposed mapping (RHF admin)")
    public MappingResponse approve(@PathParam("id") UUID id, @Valid @NotNull VersionRequest request) {
        return MappingResponse.of(mappings.approve(caller.actor(), id, request.version()));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({Roles.RHF_ADMIN})
    @Operation(operationId = "retireSharingMapping", summary = "Retire a mapping (RHF admin)")
    public MappingResponse retire(@PathParam("id") UUID id, @Valid @NotNull VersionRequest request) {
        return MappingResponse.of(mappings.retire(caller.actor(), id, request.version()));
    }
}
