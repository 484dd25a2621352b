package no.torn.grants.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.torn.grants.api.RoundDtos.PotView;
import no.torn.grants.api.RoundDtos.RoundView;
import no.torn.grants.application.GrantRounds;
import no.torn.grants.application.GrantRounds.PotStatusRequest;
import no.torn.grants.application.GrantRounds.PotUpdateRequest;
import no.torn.grants.application.GrantRounds.RoundRequest;
import no.torn.grants.application.GrantRounds.SplitRequest;
import no.torn.grants.application.GrantRounds.StatusRequest;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.RoundStatus;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.QueryParams;
import no.torn.platform.application.Idempotency;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/grants/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Grant rounds", description = "National TØRN grant rounds, RHF pots and each RHF's split")
public class RoundResource {

    @Inject
    Caller caller;

    @Inject
    GrantRounds rounds;

    @POST
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(operationId = "openGrantRound", summary = "Open a grant round with its national amount and RHF pots")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The opened round",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    public Response open(@Valid @NotNull RoundRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        GrantRound round = rounds.open(caller.actor(), idempotencyKey, request);
        return Response.created(URI.create("/api/v1/grants/rounds/" + round.id)).entity(view(round)).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "listGrantRounds",
                summary = "List grant rounds (national records); pots are shown for the caller's RHF only")
    public Page<RoundView> list(@QueryParam("year") String yearParam,
            @Parameter(description = "Filter by status: OPEN, ALLOCATED, CLOSED", example = "OPEN")
            @QueryParam("status") String statusParam,
                                @Valid @BeanParam PageRequest pageRequest) {
        Integer year = QueryParams.integer(yearParam, "year");
        RoundStatus status = QueryParams.enumOf(RoundStatus.class, statusParam, "status");
        QueryFilter filter = new QueryFilter().eq("year", year).eq("status", status);
        return Page.of(GrantRound.find(filter.where(), Sort.descending("year").and("programme"), filter.params()),
                pageRequest, this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "getGrantRound", summary = "Read a grant round")
    public RoundView get(@PathParam("id") UUID id) {
        return view(rounds.get(id));
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(operationId = "changeGrantRoundStatus",
                summary = "Close the round (CLOSED) or lock every open pot at once (ALLOCATED)",
            description = "CLOSED is refused (422) until every RHF pot is locked, naming the pots that are not. "
                    + "ALLOCATED locks every pot still open, for clients that lock nationally; each RHF may instead "
                    + "lock its own pot (POST .../pots/{rhf}/status). Role: national-admin.")
    @APIResponse(responseCode = "200", description = "The round after the change")
    @APIResponse(responseCode = "409", description = "Stale version or a transition the round does not allow",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Pots not yet locked (named in detail)",
            content = @Content(mediaType = "application/problem+json"))
    public RoundView changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusRequest request) {
        return view(rounds.changeStatus(caller.actor(), id, request));
    }

    @PUT
    @Path("/{id}/pots/{rhf}")
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(operationId = "setRhfPot", summary = "Set an RHF's pot in an open round")
    public PotView setPot(@PathParam("id") UUID id, @PathParam("rhf") String rhf,
                          @Valid @NotNull PotUpdateRequest request) {
        return PotView.of(rounds.setPot(caller.actor(), id, rhf, request));
    }

    @GET
    @Path("/{id}/pots/{rhf}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "getRhfPot", summary = "Read an RHF's pot and split (own RHF only)")
    public PotView getPot(@PathParam("id") UUID id, @PathParam("rhf") String rhf) {
        return PotView.of(rounds.pot(caller.actor(), rounds.get(id).id, rhf));
    }

    @POST
    @Path("/{id}/pots/{rhf}/status")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.NATIONAL_ADMIN})
    @Operation(operationId = "changeRhfPotStatus",
                summary = "Lock the RHF's own pot (OPEN to ALLOCATED) once its allocation is fixed",
            description = "From then on the RHF's split and allocation are locked and its grants may be decided, "
                    + "whatever the other RHFs' pots are doing. Needs a computed allocation and the pot's version. "
                    + "Audited. Roles: rhf-admin of the RHF, national-admin.")
    @APIResponse(responseCode = "200", description = "The pot after the change")
    @APIResponse(responseCode = "404", description = "Unknown round, or the pot of another RHF",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Stale version, or the pot is locked already",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "No computed allocation, or the round is closed",
            content = @Content(mediaType = "application/problem+json"))
    public PotView changePotStatus(@PathParam("id") UUID id, @PathParam("rhf") String rhf,
                                   @Valid @NotNull PotStatusRequest request) {
        return PotView.of(rounds.changePotStatus(caller.actor(), id, rhf, request));
    }

    @PUT
    @Path("/{id}/pots/{rhf}/split")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.NATIONAL_ADMIN})
    @Operation(operationId = "setRhfPotSplit",
                summary = "Set the RHF's split: RHF-initiated activities, evaluation reserve, minimum amount, "
            + "participating HFs and their base frames")
    public PotView setSplit(@PathParam("id") UUID id, @PathParam("rhf") String rhf,
                            @Valid @NotNull SplitRequest request) {
        return PotView.of(rounds.setSplit(caller.actor(), id, rhf, request));
    }

    private RoundView view(GrantRound round) {
        return RoundView.of(round, rounds.visiblePots(caller.actor(), round));
    }
}
