package no.torn.grants.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.torn.grants.api.AllocationDtos.AllocationView;
import no.torn.grants.api.AllocationDtos.Computation;
import no.torn.grants.api.AllocationDtos.WhatIfRequest;
import no.torn.grants.application.Allocations;
import no.torn.grants.application.Allocations.ComputeRequest;
import no.torn.grants.domain.Allocation;
import no.torn.grants.domain.AllocationCalculator;
import no.torn.grants.domain.AllocationInputs;
import no.torn.grants.domain.AllocationShare;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.QueryParams;
import no.torn.platform.application.Idempotency;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/grants/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "HF allocations: minimum amount plus base-frame share, exact to the krone")
public class AllocationResource {

    @Inject
    Caller caller;

    @Inject
    Allocations allocations;

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.NATIONAL_ADMIN})
    @Operation(operationId = "computeAllocation",
                summary = "Compute the HF allocation of an RHF pot from its stored inputs; saved as a new version. "
            + "The caller's own RHF; a national admin names it")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The computed allocation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AllocationView.class)))
    public Response compute(@Valid @NotNull ComputeRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        String rhf = caller.scopeForQuery(request.rhf()).orElseThrow(
                () -> ProblemException.invalid("rhf", "a national admin must name the RHF"));
        Allocation allocation = allocations.compute(caller.actor(), idempotencyKey,
                new ComputeRequest(request.roundId(), rhf));
        return Response.created(URI.create("/api/v1/grants/allocations/" + allocation.id))
                .entity(view(allocation)).build();
    }

    @POST
    @Path("/what-if")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "computeAllocationWhatIf",
                summary = "Compute an allocation from the given inputs without saving anything")
    public Computation whatIf(@Valid @NotNull WhatIfRequest request) {
        AllocationInputs inputs = new AllocationInputs(request.rhfPot(), request.rhfActivitiesAmount(),
                request.rhfActivitiesPercent(), request.evaluationReserve() == null ? 0 : request.evaluationReserve(),
                request.minimumAmount(), request.participants().stream()
                .map(p -> new AllocationCalculator.Participant(p.hf(), p.baseFrame())).toList());
        AllocationInputs.Outcome outcome = inputs.compute();
        return Computation.of(inputs, outcome.split(), outcome.result());
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "listAllocations",
                summary = "List allocations of the caller's RHF (a national admin: of any RHF)")
    public Page<AllocationView> list(@QueryParam("roundId") String roundParam, @QueryParam("rhf") String rhf,
                                     @QueryParam("current") String currentParam,
                                     @Valid @BeanParam PageRequest pageRequest) {
        UUID roundId = QueryParams.uuid(roundParam, "roundId");
        Boolean current = QueryParams.bool(currentParam, "current");
        QueryFilter filter = new QueryFilter().eq("rhf", caller.scopeForQuery(rhf).orElse(null))
                .eq("roundId", roundId).eq("current", current);
        return Page.of(Allocation.find(filter.where(), Sort.descending("computedAt").and("id"), filter.params()),
                pageRequest, this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "getAllocation",
                summary = "Read an allocation: inputs, per-HF amounts and the arithmetic behind each")
    public AllocationView get(@PathParam("id") UUID id) {
        return view(allocations.get(caller.actor(), id));
    }

    private AllocationView view(Allocation a) {
        return AllocationView.of(a, AllocationShare.list("allocationId", Sort.by("hf"), a.id));
    }
}
