package no.torn.competence.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import no.torn.competence.application.Records;
import no.torn.competence.domain.AccessLog;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.RecordStatus;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.QueryParams;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.audit.AuditEntry;
import no.torn.platform.audit.AuditLog;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path(Paths.ROOT + "/records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Competence records", description = "Formal and real competence of employees, with evidence and validity")
public class RecordResource {

    @Inject
    Caller caller;

    @Inject
    Records records;

    @Inject
    AccessLog accessLog;

    @Inject
    AuditLog auditLog;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "listCompetenceRecords",
                summary = "List records (filter by employeeId, hf, unit, competenceCode, status); "
            + "a list for one employee is access-logged")
    @Transactional
    public Page<RecordDtos.View> list(@BeanParam @Valid PageRequest pageRequest, @QueryParam("rhf") String rhf,
                                      @QueryParam("hf") String hf, @QueryParam("unit") String unit,
                                      @QueryParam("employeeId") String employeeId,
                                      @QueryParam("competenceCode") String competenceCode,
                                      @Parameter(description = "Filter by status: ACTIVE, EXPIRED, REVOKED",
                                              example = "ACTIVE")
                                      @QueryParam("status") String status) {
        Actor actor = caller.actor();
        QueryFilter f = new QueryFilter();
        caller.scopeForQuery(rhf).ifPresent(r -> f.eq("rhf", "rhf", r));
        actor.hfScope(hf).ifPresent(h -> f.eq("hf", "hf", h));
        UUID employee = QueryParams.uuid(employeeId, "employeeId");
        if (employee != null) {
            Employee e = Employee.findById(employee);
            if (e != null && actor.canSee(e.rhf, e.hf)) {
                accessLog.read(actor, e, "records");
            }
        }
        f.eq("unit", "unit", unit).eq("employee.id", "employee", employee).eq("typeCode", "code", competenceCode)
                .eq("status", "status", QueryParams.enumOf(RecordStatus.class, status, "status"));
        var day = today.date();
        return Page.of(CompetenceRecord.<CompetenceRecord>find(f.where("hf, unit, typeCode, id"), f.params()),
                pageRequest, r -> RecordDtos.View.of(r, day));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "getCompetenceRecord", summary = "One record; the read is access-logged")
    @Transactional
    public RecordDtos.View get(@PathParam("id") UUID id) {
        Actor actor = caller.actor();
        CompetenceRecord r = Records.visible(actor, id);
        accessLog.read(actor, r.employee, "record");
        return RecordDtos.View.of(r, today.date());
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR})
    @Operation(operationId = "createCompetenceRecord",
                summary = "Register a competence record; validUntil defaults from the type's validity. A record "
            + "already past validUntil is stored EXPIRED and announced as expired at once. Idempotency-Key supported")
    @APIResponse(responseCode = "201", description = "The registered record",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RecordDtos.View.class)))
    public Response create(@Valid @NotNull RecordDtos.Create request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        RecordDtos.Evidence ev = request.evidence();
        CompetenceRecord r = records.register(caller.actor(), idempotencyKey, new Records.Registration(
                request.employeeId(), request.competenceCode(), request.acquiredOn(), request.validUntil(),
                ev == null ? null : ev.issuer(), ev == null ? null : ev.documentReference(), request.trustLevel()));
        return Response.created(URI.create(Paths.ROOT + "/records/" + r.id))
                .entity(RecordDtos.View.of(r, today.date())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR})
    @Operation(operationId = "updateCompetenceRecord",
                summary = "Update validity and evidence (version required); publishes record-updated, and "
            + "record-expired when the new validUntil has passed")
    public RecordDtos.View update(@PathParam("id") UUID id, @Valid @NotNull RecordDtos.Update request) {
        RecordDtos.Evidence ev = request.evidence();
        return RecordDtos.View.of(records.update(caller.actor(), id, new Records.Change(request.validUntil(),
                ev == null ? null : ev.issuer(), ev == null ? null : ev.documentReference(), request.version())),
                today.date());
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR})
    @Operation(operationId = "revokeCompetenceRecord",
                summary = "Revoke a record with a reason (record-revoked); a revoked record answers 409")
    public RecordDtos.View revoke(@PathParam("id") UUID id, @Valid @NotNull RecordDtos.Revoke request) {
        return RecordDtos.View.of(records.revoke(caller.actor(), id, request.reason(), request.version()),
                today.date());
    }

    @POST
    @Path("{id}/attest")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(operationId = "attestCompetenceRecord",
                summary = "Attest real competence: attested by which employee, level 1-3 (record-attested)")
    public RecordDtos.View attest(@PathParam("id") UUID id, @Valid @NotNull RecordDtos.Attest request) {
        return RecordDtos.View.of(records.attest(caller.actor(), id, request.attestedBy(), request.level(),
                request.version()), today.date());
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getCompetenceRecordHistory",
                summary = "Full change history of a record from the audit trail: who (id, name, role), when, what "
            + "changed, and the reason given")
    @Transactional
    public List<RecordDtos.HistoryEntry> history(@PathParam("id") UUID id) {
        Actor actor = caller.actor();
        CompetenceRecord r = Records.visible(actor, id);
        accessLog.read(actor, r.employee, "record-history");
        return AuditEntry.<AuditEntry>find("entityType = ?1 and entityId = ?2 order by id", Records.ENTITY,
                id.toString()).list().stream().map(e -> RecordDtos.HistoryEntry.of(auditLog.view(e))).toList();
    }
}
