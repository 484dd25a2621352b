package no.torn.competence.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import no.torn.competence.application.register.RegisterReconciliation;
import no.torn.competence.domain.register.ReconciliationRun;
import no.torn.competence.domain.register.RunStatus;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.QueryParams;
import no.torn.platform.application.Actor;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path(Paths.ROOT + "/register-reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "HPR reconciliation",
        description = "Authorisation records compared with Helsepersonellregisteret (HPR): runs and flagged records")
public class RegisterReconciliationResource {

    @Schema(name = "RegisterReconciliationStart")
    public record Start(
            @Schema(description = "limit the run to this employee (their RHF); else the whole RHF")
            UUID employeeId,
            @Schema(description = "national admins: the RHF to reconcile (default their own); others: their own RHF")
            String rhf) {
    }

    @Schema(name = "RegisterReconciliationRun")
    public record RunView(UUID id, String rhf, UUID employeeId, ReconciliationRun.Trigger trigger, String startedBy,
                          Instant startedAt, Instant finishedAt, RunStatus status, int checked, int mismatches,
                          int cleared, int errors, String failure) {
        static RunView of(ReconciliationRun r) {
            return new RunView(r.id, r.rhf, r.employeeId, r.trigger, r.startedBy, r.startedAt, r.finishedAt, r.status,
                    r.checked, r.mismatches, r.cleared, r.errors, r.failure);
        }
    }

    @Schema(name = "RegisterMismatch")
    public record Mismatch(UUID recordId, UUID employeeId, String hf, String unit, String competenceCode,
                           String registerStatus, String reason, Instant checkedAt) {
    }

    @Inject
    Caller caller;

    @Inject
    RegisterReconciliation reconciliation;

    @Inject
    EntityManager em;

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN})
    @Operation(operationId = "startRegisterReconciliation",
            summary = "Compare the RHF's (or one employee's) authorisation records with HPR now and answer the run's "
                    + "summary (R-AUTH-03). A record HPR reports suspended, revoked, expired or unknown, or in "
                    + "another personnel category, is flagged and announced (authorisation-mismatch). When HPR "
                    + "cannot be reached the run ends FAILED or PARTIAL and the records not reached are not marked "
                    + "checked")
    @APIResponse(responseCode = "201", description = "The run, closed: COMPLETED, PARTIAL or FAILED, with its counts",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunView.class)))
    public Response start(@Valid Start request) {
        Actor actor = caller.actor();
        UUID employeeId = request == null ? null : request.employeeId();
        String rhf = null;
        if (employeeId == null) {
            String requested = request == null ? null : request.rhf();
            if (requested != null && !requested.isBlank() && HealthRegion.fromCode(requested).isEmpty()) {
                throw ProblemException.invalid("rhf", "unknown RHF " + requested);
            }
            rhf = actor.rhfScope(requested).orElseGet(actor::homeRhf);
        }
        ReconciliationRun run = reconciliation.reconcile(actor, rhf, employeeId, ReconciliationRun.Trigger.ON_DEMAND);
        return Response.created(URI.create(Paths.ROOT + "/register-reconciliations/" + run.id))
                .entity(RunView.of(run)).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listRegisterReconciliations",
            summary = "Reconciliation runs of the caller's RHF, newest first (filter by status)")
    @Transactional
    public Page<RunView> list(@BeanParam @Valid PageRequest pageRequest, @QueryParam("rhf") String rhf,
                              @Parameter(description = "Filter by status: RUNNING, COMPLETED, PARTIAL, FAILED",
                                      example = "FAILED")
                              @QueryParam("status") String status) {
        QueryFilter f = new QueryFilter();
        caller.scopeForQuery(rhf).ifPresent(r -> f.eq("rhf", "rhf", r));
        f.eq("status", "status", QueryParams.enumOf(RunStatus.class, status, "status"));
        return Page.of(ReconciliationRun.<ReconciliationRun>find(f.where("startedAt desc, id"), f.params()),
                pageRequest, RunView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getRegisterReconciliation", summary = "One reconciliation run")
    @Transactional
    public RunView get(@PathParam("id") UUID id) {
        ReconciliationRun run = ReconciliationRun.findById(id);
        return RunView.of(caller.actor().visible(run, run == null ? null : run.rhf, "Reconciliation run", id));
    }

    @GET
    @Path("mismatches")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.AUDITOR})
    @Operation(operationId = "listRegisterMismatches",
            summary = "Records flagged by the last HPR check (hf-hr: its own HF), until HPR confirms them again or "
                    + "they are revoked")
    @Transactional
    public Page<Mismatch> mismatches(@BeanParam @Valid PageRequest pageRequest, @QueryParam("rhf") String rhf,
                                     @QueryParam("hf") String hf) {
        Actor actor = caller.actor();
        String rhfScope = caller.scopeForQuery(rhf).orElse(null);
        String hfScope = actor.hfScope(hf).orElse(null);
        String where = " from competence_record where register_mismatch is not null and status = 'ACTIVE'"
                + (rhfScope == null ? "" : " and rhf = :rhf") + (hfScope == null ? "" : " and hf = :hf");
        var count = em.createNativeQuery("select count(*)" + where);
        var select = em.createNativeQuery("select id, employee_id, hf, unit, type_code, register_status, "
                + "register_mismatch, register_checked_at" + where + " order by rhf, id");
        for (var query : List.of(count, select)) {
            if (rhfScope != null) {
                query.setParameter("rhf", rhfScope);
            }
            if (hfScope != null) {
                query.setParameter("hf", hfScope);
            }
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(pageRequest.page * pageRequest.size)
                .setMaxResults(pageRequest.size).getResultList();
        List<Mismatch> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            items.add(new Mismatch((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], toInstant(r[7])));
        }
        return new Page<>(items, pageRequest.page, pageRequest.size, total);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
