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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.torn.grants.api.RoundDtos.PotUpdateRequest;
import no.torn.grants.api.RoundDtos.PotView;
import no.torn.grants.api.RoundDtos.RoundRequest;
import no.torn.grants.api.RoundDtos.RoundView;
import no.torn.grants.api.RoundDtos.SplitRequest;
import no.torn.grants.api.RoundDtos.StatusRequest;
import no.torn.grants.domain.AllocationCalculator;
import no.torn.grants.domain.AllocationInputs;
import no.torn.grants.domain.AllocationRejected;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.Json;
import no.torn.grants.domain.RhfPot;
import no.torn.grants.domain.RoundStatus;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.api.Page;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.PageRequest;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/grants/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Grant rounds", description = "National TØRN grant rounds, RHF pots and each RHF's split")
public class RoundResource {

    static final String DEFAULT_PROGRAMME = "specialist-health";

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @POST
    @Transactional
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Open a grant round with its national amount and RHF pots")
    public Response open(@Valid @NotNull RoundRequest request) {
        String programme = request.programme() == null ? DEFAULT_PROGRAMME : request.programme();
        if (GrantRound.count("year = ?1 and programme = ?2", request.year(), programme) > 0) {
            throw ProblemException.conflict("A round for " + request.year() + " and programme " + programme
                    + " exists already");
        }
        List<RoundDtos.PotAmountRequest> pots = request.pots() == null ? List.of() : request.pots();
        Set<String> seen = new HashSet<>();
        long potTotal = 0;
        for (int i = 0; i < pots.size(); i++) {
            String rhf = pots.get(i).rhf();
            if (HealthRegion.fromCode(rhf).isEmpty()) {
                throw ProblemException.invalid("pots[" + i + "].rhf", "unknown RHF " + rhf);
            }
            if (!seen.add(rhf)) {
                throw ProblemException.invalid("pots[" + i + "].rhf", "RHF " + rhf + " is listed more than once");
            }
            potTotal += pots.get(i).amount();
        }
        if (potTotal > request.nationalAmount()) {
            throw ProblemException.rule("The RHF pots (" + potTotal + " NOK) exceed the national amount ("
                    + request.nationalAmount() + " NOK)");
        }
        Instant now = clock.instant();
        GrantRound round = new GrantRound();
        round.id = UUID.randomUUID();
        round.year = request.year();
        round.programme = programme;
        round.title = request.title();
        round.nationalAmount = request.nationalAmount();
        round.status = RoundStatus.OPEN;
        round.createdBy = caller.id();
        round.createdAt = now;
        round.updatedAt = now;
        round.persist();
        for (RoundDtos.PotAmountRequest p : pots) {
            newPot(round, p.rhf(), p.amount(), now).persist();
        }
        GrantRound.flush();
        outbox.publish(GrantsEvents.ROUND_OPENED, round.id, GrantRound.NATIONAL, new GrantsEvents.RoundOpened(
                round.id, round.year, round.programme, round.title, round.nationalAmount, round.status.name(),
                pots.stream().map(p -> new GrantsEvents.PotAmount(p.rhf(), p.amount())).toList(), round.version));
        return Response.created(URI.create("/api/v1/grants/rounds/" + round.id)).entity(view(round)).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "List grant rounds (national records); pots are shown for the caller's RHF only")
    public Page<RoundView> list(@QueryParam("year") String yearParam, @QueryParam("status") String statusParam,
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
    @Operation(summary = "Read a grant round")
    public RoundView get(@PathParam("id") UUID id) {
        return view(round(id));
    }

    @POST
    @Path("/{id}/status")
    @Transactional
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Lock allocations (ALLOCATED) or close the round (CLOSED)")
    public RoundView changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusRequest request) {
        GrantRound round = round(id);
        Access.requireVersion(request.version(), round.version);
        if (!round.status.canMoveTo(request.status())) {
            throw ProblemException.rule("A round cannot move from " + round.status + " to " + request.status());
        }
        round.status = request.status();
        round.updatedAt = clock.instant();
        GrantRound.flush();
        return view(round);
    }

    @PUT
    @Path("/{id}/pots/{rhf}")
    @Transactional
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    @Operation(summary = "Set an RHF's pot in an open round")
    public PotView setPot(@PathParam("id") UUID id, @PathParam("rhf") String rhf,
                          @Valid @NotNull PotUpdateRequest request) {
        GrantRound round = round(id);
        if (HealthRegion.fromCode(rhf).isEmpty()) {
            throw ProblemException.notFound("RHF", rhf);
        }
        requireOpen(round);
        RhfPot pot = RhfPot.of(id, rhf).orElse(null);
        long others = RhfPot.<RhfPot>list("roundId = ?1 and rhf <> ?2", id, rhf).stream()
                .mapToLong(p -> p.amount).sum();
        if (others + request.amount() > round.nationalAmount) {
            throw ProblemException.rule("The RHF pots (" + (others + request.amount())
                    + " NOK) would exceed the national amount (" + round.nationalAmount + " NOK)");
        }
        Instant now = clock.instant();
        if (pot == null) {
            pot = newPot(round, rhf, request.amount(), now);
            pot.persist();
        } else {
            if (request.version() == null) {
                throw ProblemException.invalid("version", "must be given when the pot exists");
            }
            Access.requireVersion(request.version(), pot.version);
            pot.amount = request.amount();
            pot.updatedBy = caller.id();
            pot.updatedAt = now;
        }
        RhfPot.flush();
        return PotView.of(pot);
    }

    @GET
    @Path("/{id}/pots/{rhf}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Read an RHF's pot and split (own RHF only)")
    public PotView getPot(@PathParam("id") UUID id, @PathParam("rhf") String rhf) {
        return PotView.of(visiblePot(round(id), rhf));
    }

    @PUT
    @Path("/{id}/pots/{rhf}/split")
    @Transactional
    @RolesAllowed({Roles.RHF_ADMIN, Roles.NATIONAL_ADMIN})
    @Operation(summary = "Set the RHF's split: RHF-initiated activities, evaluation reserve, minimum amount, "
            + "participating HFs and their base frames")
    public PotView setSplit(@PathParam("id") UUID id, @PathParam("rhf") String rhf,
                            @Valid @NotNull SplitRequest request) {
        GrantRound round = round(id);
        RhfPot pot = visiblePot(round, rhf);
        if (!caller.isNationalAdmin() && !caller.hasRole(Roles.RHF_ADMIN)) {
            throw ProblemException.forbidden("Only the RHF's admin sets its split");
        }
        Access.requireVersion(request.version(), pot.version);
        requireOpen(round);
        List<AllocationCalculator.Participant> participants = new ArrayList<>();
        HealthRegion region = HealthRegion.fromCode(pot.rhf).orElseThrow();
        for (int i = 0; i < request.participants().size(); i++) {
            RoundDtos.ParticipantRequest p = request.participants().get(i);
            String field = "participants[" + i + "].hf";
            if (!region.owns(p.hf())) {
                throw HealthRegion.ofHospitalTrust(p.hf()).isEmpty()
                        ? ProblemException.invalid(field, "unknown hospital trust " + p.hf())
                        : ProblemException.forbidden("hf " + p.hf() + " does not belong to " + pot.rhf);
            }
            participants.add(new AllocationCalculator.Participant(p.hf(), p.baseFrame()));
        }
        AllocationInputs inputs = new AllocationInputs(pot.amount, request.rhfActivitiesAmount(),
                request.rhfActivitiesPercent(), request.evaluationReserve(), request.minimumAmount(), participants);
        try {
            inputs.compute();
        } catch (AllocationRejected e) {
            throw Access.rejected(e);
        }
        pot.rhfActivitiesAmount = request.rhfActivitiesAmount();
        pot.rhfActivitiesPercent = request.rhfActivitiesPercent();
        pot.evaluationReserve = request.evaluationReserve();
        pot.minimumAmount = request.minimumAmount();
        pot.participants = Json.write(participants);
        pot.updatedBy = caller.id();
        pot.updatedAt = clock.instant();
        RhfPot.flush();
        return PotView.of(pot);
    }

    private RhfPot newPot(GrantRound round, String rhf, long amount, Instant now) {
        RhfPot pot = new RhfPot();
        pot.id = UUID.randomUUID();
        pot.roundId = round.id;
        pot.rhf = rhf;
        pot.amount = amount;
        pot.updatedBy = caller.id();
        pot.updatedAt = now;
        return pot;
    }

    private RhfPot visiblePot(GrantRound round, String rhf) {
        RhfPot pot = RhfPot.of(round.id, rhf).orElse(null);
        return caller.visible(pot, rhf, "Pot of RHF", rhf);
    }

    static GrantRound round(UUID id) {
        GrantRound round = GrantRound.findById(id);
        if (round == null) {
            throw ProblemException.notFound("Grant round", id);
        }
        return round;
    }

    static void requireOpen(GrantRound round) {
        if (!round.allocationsEditable()) {
            throw ProblemException.rule("Round " + round.id + " is " + round.status
                    + "; pots and allocations are locked");
        }
    }

    private RoundView view(GrantRound round) {
        List<PotView> pots = RhfPot.<RhfPot>list("roundId", Sort.by("rhf"), round.id).stream()
                .filter(p -> caller.canSee(p.rhf)).map(PotView::of).toList();
        return RoundView.of(round, pots);
    }
}
