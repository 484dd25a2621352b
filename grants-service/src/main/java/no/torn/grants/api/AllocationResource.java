package no.torn.grants.api;

import no.torn.platform.api.QueryParams;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.torn.grants.api.AllocationDtos.AllocationView;
import no.torn.grants.api.AllocationDtos.Computation;
import no.torn.grants.api.AllocationDtos.ComputeRequest;
import no.torn.grants.api.AllocationDtos.WhatIfRequest;
import no.torn.grants.domain.Allocation;
import no.torn.grants.domain.AllocationCalculator;
import no.torn.grants.domain.AllocationInputs;
import no.torn.grants.domain.AllocationRejected;
import no.torn.grants.domain.AllocationShare;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.Json;
import no.torn.grants.domain.RhfPot;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.api.Page;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.PageRequest;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/grants/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "HF allocations: minimum amount plus base-frame share, exact to the krone")
public class AllocationResource {

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @POST
    @Transactional
    @RolesAllowed({Roles.RHF_ADMIN, Roles.NATIONAL_ADMIN})
    @Operation(summary = "Compute the HF allocation of an RHF pot from its stored inputs; saved as a new version")
    public Response compute(@Valid @NotNull ComputeRequest request) {
        String rhf = caller.scopeForQuery(request.rhf()).orElseThrow(
                () -> ProblemException.invalid("rhf", "a national admin must name the RHF"));
        if (!caller.isNationalAdmin() && !caller.hasRole(Roles.RHF_ADMIN)) {
            throw ProblemException.forbidden("Only the RHF's admin computes its allocation");
        }
        GrantRound round = RoundResource.round(request.roundId());
        RhfPot pot = caller.visible(RhfPot.of(round.id, rhf).orElse(null), rhf, "Pot of RHF", rhf);
        RoundResource.requireOpen(round);
        AllocationInputs inputs = new AllocationInputs(pot.amount, pot.rhfActivitiesAmount,
                pot.rhfActivitiesPercent, pot.evaluationReserve, pot.minimumAmount, pot.participantList());
        AllocationInputs.Outcome outcome;
        try {
            outcome = inputs.compute();
        } catch (AllocationRejected e) {
            throw Access.rejected(e);
        }
        Optional<Allocation> previous = Allocation.find("potId = ?1 and current = true", pot.id)
                .firstResultOptional();
        previous.ifPresent(p -> {
            p.current = false;
            Allocation.flush(); // the partial unique index allows one current row per pot
        });
        Integer last = Allocation.find("select max(a.allocationVersion) from Allocation a where a.potId = ?1", pot.id)
                .project(Integer.class).firstResult();
        Allocation allocation = new Allocation();
        allocation.id = UUID.randomUUID();
        allocation.roundId = round.id;
        allocation.potId = pot.id;
        allocation.rhf = rhf;
        allocation.allocationVersion = last == null ? 1 : last + 1;
        allocation.current = true;
        allocation.hfPot = outcome.split().hfPot();
        allocation.inputs = Json.write(inputs);
        allocation.arithmetic = Json.write(outcome.result());
        allocation.computedBy = caller.id();
        allocation.computedAt = clock.instant();
        allocation.persist();
        for (AllocationCalculator.Share s : outcome.result().shares()) {
            AllocationShare share = new AllocationShare();
            share.id = UUID.randomUUID();
            share.allocationId = allocation.id;
            share.roundId = round.id;
            share.rhf = rhf;
            share.hf = s.hf();
            share.amount = s.amount();
            share.persist();
        }
        outbox.publish(GrantsEvents.ALLOCATION_COMPUTED, allocation.id, rhf, new GrantsEvents.AllocationComputed(
                allocation.id, round.id, rhf, round.year, allocation.allocationVersion, outcome.split().rhfPot(),
                outcome.split().rhfActivities(), outcome.split().evaluationReserve(), outcome.split().hfPot(),
                inputs.minimumAmount(), outcome.result().shares().stream()
                .map(s -> new GrantsEvents.HfAmount(s.hf(), s.baseFrame(), s.amount())).toList()));
        Allocation.flush();
        return Response.created(URI.create("/api/v1/grants/allocations/" + allocation.id))
                .entity(view(allocation)).build();
    }

    @POST
    @Path("/what-if")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Compute an allocation from the given inputs without saving anything")
    public Computation whatIf(@Valid @NotNull WhatIfRequest request) {
        AllocationInputs inputs = new AllocationInputs(request.rhfPot(), request.rhfActivitiesAmount(),
                request.rhfActivitiesPercent(), request.evaluationReserve() == null ? 0 : request.evaluationReserve(),
                request.minimumAmount(), request.participants().stream()
                .map(p -> new AllocationCalculator.Participant(p.hf(), p.baseFrame())).toList());
        try {
            AllocationInputs.Outcome outcome = inputs.compute();
            return Computation.of(inputs, outcome.split(), outcome.result());
        } catch (AllocationRejected e) {
            throw Access.rejected(e);
        }
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "List allocations of the caller's RHF (a national admin: of any RHF)")
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
    @Operation(summary = "Read an allocation: inputs, per-HF amounts and the arithmetic behind each")
    public AllocationView get(@PathParam("id") UUID id) {
        Allocation allocation = Allocation.findById(id);
        return view(caller.visible(allocation, allocation == null ? null : allocation.rhf, "Allocation", id));
    }

    private AllocationView view(Allocation a) {
        List<AllocationShare> shares = AllocationShare.list("allocationId", Sort.by("hf"), a.id);
        return AllocationView.of(a, shares);
    }
}
