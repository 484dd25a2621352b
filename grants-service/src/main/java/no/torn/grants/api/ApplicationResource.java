package no.torn.grants.api;

import no.torn.platform.api.QueryParams;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import no.torn.grants.api.ApplicationDtos.ApplicationRequest;
import no.torn.grants.api.ApplicationDtos.ApplicationView;
import no.torn.grants.api.ApplicationDtos.DecisionRequest;
import no.torn.grants.api.ApplicationDtos.ReviewRequest;
import no.torn.grants.api.ApplicationDtos.ReviewView;
import no.torn.grants.domain.Allocation;
import no.torn.grants.domain.AllocationShare;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationReview;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.RoundStatus;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/grants/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "HF project applications, RHF review and decisions")
public class ApplicationResource {

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @POST
    @Transactional
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(summary = "Submit a project application for an HF of the caller's RHF")
    public Response submit(@Valid @NotNull ApplicationRequest request,
                           @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        String rhf = caller.rhf();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            Application earlier = Application.find("rhf = ?1 and idempotencyKey = ?2", rhf, idempotencyKey)
                    .firstResult();
            if (earlier != null) {
                return created(earlier);
            }
        }
        String hf = Access.actingFor(caller, request.hf(), "hf");
        GrantRound round = GrantRound.findById(request.roundId());
        if (round == null) {
            throw ProblemException.rule("Grant round " + request.roundId() + " was not found");
        }
        if (round.status == RoundStatus.CLOSED) {
            throw ProblemException.rule("Round " + round.id + " is closed for applications");
        }
        if (request.fromGroup().equals(request.toGroup())) {
            throw ProblemException.invalid("toGroup", "must differ from fromGroup");
        }
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.roundId = round.id;
        a.rhf = rhf;
        a.hf = hf;
        a.title = request.title();
        a.department = request.department();
        a.fromGroup = request.fromGroup();
        a.toGroup = request.toGroup();
        a.taskCodes = request.taskCodes() == null ? new String[0]
                : request.taskCodes().stream().distinct().toArray(String[]::new);
        a.description = request.description();
        a.kind = request.kind();
        a.requestedAmount = request.requestedAmount();
        a.contactName = request.contactName();
        a.contactEmail = request.contactEmail();
        a.status = ApplicationStatus.SUBMITTED;
        a.submittedBy = caller.id();
        a.submittedAt = clock.instant();
        a.idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        a.persist();
        Application.flush();
        outbox.publish(GrantsEvents.APPLICATION_SUBMITTED, a.id, rhf, new GrantsEvents.ApplicationSubmitted(a.id,
                a.roundId, rhf, a.hf, a.title, a.fromGroup, a.toGroup, List.of(a.taskCodes), a.kind.name(),
                a.requestedAmount, a.status.name(), a.version));
        return created(a);
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(summary = "List applications of the caller's RHF, filtered by round, HF and status")
    public Page<ApplicationView> list(@QueryParam("roundId") String roundParam, @QueryParam("hf") String hf,
                                      @QueryParam("status") String statusParam, @QueryParam("rhf") String rhf,
                                      @Valid @BeanParam PageRequest pageRequest) {
        UUID roundId = QueryParams.uuid(roundParam, "roundId");
        ApplicationStatus status = QueryParams.enumOf(ApplicationStatus.class, statusParam, "status");
        QueryFilter filter = new QueryFilter().eq("rhf", caller.scopeForQuery(rhf).orElse(null))
                .eq("roundId", roundId).eq("hf", hf).eq("status", status);
        return Page.of(Application.find(filter.where(), Sort.descending("submittedAt").and("id"), filter.params()),
                pageRequest, this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(summary = "Read an application with its reviews")
    public ApplicationView get(@PathParam("id") UUID id) {
        return view(application(id));
    }

    @POST
    @Path("/{id}/reviews")
    @Transactional
    @RolesAllowed(Roles.RHF_ADMIN)
    @Operation(summary = "Score (1–5) and comment an application under review")
    public Response review(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request) {
        Application a = application(id);
        if (!a.status.decidable()) {
            throw ProblemException.rule("Application " + id + " is " + a.status + " and can no longer be reviewed");
        }
        a.status = ApplicationStatus.UNDER_REVIEW;
        ApplicationReview r = new ApplicationReview();
        r.id = UUID.randomUUID();
        r.applicationId = a.id;
        r.rhf = a.rhf;
        r.score = request.score();
        r.comment = request.comment();
        r.reviewedBy = caller.id();
        r.reviewedAt = clock.instant();
        r.persist();
        return Response.status(Response.Status.CREATED).entity(ReviewView.of(r)).build();
    }

    @POST
    @Path("/{id}/decision")
    @Transactional
    @RolesAllowed(Roles.RHF_ADMIN)
    @Operation(summary = "Grant (an amount within the HF's allocation) or reject (with a reason) an application")
    public ApplicationView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        Application a = application(id);
        Access.requireVersion(request.version(), a.version);
        if (!a.status.decidable()) {
            throw ProblemException.rule("Application " + id + " is already " + a.status);
        }
        Instant now = clock.instant();
        if (request.outcome() == ApplicationDtos.Outcome.GRANTED) {
            if (request.grantedAmount() == null) {
                throw ProblemException.invalid("grantedAmount", "must be given when granting");
            }
            grantFromAllocation(a, request.grantedAmount());
            a.status = ApplicationStatus.GRANTED;
            a.grantedAmount = request.grantedAmount();
        } else {
            if (request.reason() == null || request.reason().isBlank()) {
                throw ProblemException.invalid("reason", "must be given when rejecting");
            }
            a.status = ApplicationStatus.REJECTED;
        }
        a.decisionReason = request.reason();
        a.decidedBy = caller.id();
        a.decidedAt = now;
        Application.flush();
        outbox.publish(GrantsEvents.APPLICATION_DECIDED, a.id, a.rhf, new GrantsEvents.ApplicationDecided(a.id,
                a.roundId, a.rhf, a.hf, a.status.name(), a.grantedAmount, a.decisionReason, a.version));
        return view(a);
    }

    /**
     * Books a grant against the HF's share of the locked allocation. The share row is locked for the rest of the
     * transaction, so concurrent decisions for the same HF are serialised and can never exceed the allocation.
     */
    private void grantFromAllocation(Application a, long amount) {
        if (amount > a.requestedAmount) {
            throw ProblemException.rule("The granted amount " + amount + " NOK exceeds the requested "
                    + a.requestedAmount + " NOK");
        }
        GrantRound round = GrantRound.findById(a.roundId);
        if (round.status != RoundStatus.ALLOCATED) {
            throw ProblemException.rule("Grants are decided once the round's allocations are locked; round "
                    + round.id + " is " + round.status);
        }
        Allocation allocation = Allocation.find("roundId = ?1 and rhf = ?2 and current = true", a.roundId, a.rhf)
                .firstResult();
        AllocationShare share = allocation == null ? null : AllocationShare
                .<AllocationShare>find("allocationId = ?1 and hf = ?2", allocation.id, a.hf)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (share == null) {
            throw ProblemException.rule("HF " + a.hf + " has no allocation in round " + a.roundId);
        }
        if (amount > share.available()) {
            throw ProblemException.rule("Granting " + amount + " NOK would exceed the allocation of HF " + a.hf
                    + ": " + share.amount + " NOK allocated, " + share.granted + " NOK already granted, "
                    + share.available() + " NOK available");
        }
        share.granted += amount;
    }

    private Application application(UUID id) {
        Application a = Application.findById(id);
        return caller.visible(a, a == null ? null : a.rhf, "Application", id);
    }

    private Response created(Application a) {
        return Response.created(URI.create("/api/v1/grants/applications/" + a.id)).entity(view(a)).build();
    }

    private ApplicationView view(Application a) {
        return ApplicationView.of(a, ApplicationReview.list("applicationId", Sort.by("reviewedAt"), a.id));
    }
}
