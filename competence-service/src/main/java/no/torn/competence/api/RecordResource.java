package no.torn.competence.api;

import no.torn.platform.api.QueryParams;
import no.torn.platform.api.QueryFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import no.torn.competence.domain.AccessLog;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.Idempotency;
import no.torn.competence.domain.RecordHistoryEntry;
import no.torn.competence.domain.RecordSource;
import no.torn.competence.domain.RecordStatus;
import no.torn.competence.domain.Records;
import no.torn.competence.domain.Today;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Roles;
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
    Access access;

    @Inject
    Records records;

    @Inject
    AccessLog accessLog;

    @Inject
    Idempotency idempotency;

    @Inject
    Today today;

    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(summary = "List records (filter by employeeId, hf, unit, competenceCode, status); "
            + "a list for one employee is access-logged")
    @Transactional
    public Page<RecordDtos.View> list(@BeanParam @Valid PageRequest pageRequest, @QueryParam("rhf") String rhf,
                                      @QueryParam("hf") String hf, @QueryParam("unit") String unit,
                                      @QueryParam("employeeId") String employeeId,
                                      @QueryParam("competenceCode") String competenceCode,
                                      @QueryParam("status") String status) {
        QueryFilter f = new QueryFilter();
        access.rhfScope(rhf).ifPresent(r -> f.eq("rhf", "rhf", r));
        access.hfScope(hf).ifPresent(h -> f.eq("hf", "hf", h));
        UUID employee = QueryParams.uuid(employeeId, "employeeId");
        if (employee != null) {
            Employee e = Employee.findById(employee);
            if (e != null && access.caller().canSee(e.rhf)
                    && (!access.hfBound() || e.hf.equals(access.caller().hf().orElse(null)))) {
                accessLog.read(access.caller().id(), access.caller().rhf(), e, "records");
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
    @Operation(summary = "One record; the read is access-logged")
    @Transactional
    public RecordDtos.View get(@PathParam("id") UUID id) {
        CompetenceRecord r = readable(id);
        accessLog.read(access.caller().id(), access.caller().rhf(), r.employee, "record");
        return RecordDtos.View.of(r, today.date());
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR})
    @Operation(summary = "Register a competence record; validUntil defaults from the type's validity. A record "
            + "already past validUntil is stored EXPIRED and announced as expired at once. Idempotency-Key supported")
    @Transactional
    public Response create(@Valid @NotNull RecordDtos.Create request,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String actor = access.caller().id();
        var earlier = idempotency.find(actor, idempotencyKey, "record");
        if (earlier.isPresent()) {
            CompetenceRecord r = CompetenceRecord.findById(earlier.get());
            return Response.created(location(r)).entity(RecordDtos.View.of(r, today.date())).build();
        }
        Employee e = Employee.findById(request.employeeId());
        if (e == null || !access.caller().canSee(e.rhf)) {
            throw ProblemException.invalid("employeeId", "unknown employee " + request.employeeId());
        }
        access.readable(e, e.rhf, e.hf, "Employee", e.id);
        RecordDtos.Evidence ev = request.evidence();
        CompetenceRecord r = records.register(e.id, request.competenceCode(), request.acquiredOn(),
                request.validUntil(), ev == null ? null : ev.issuer(), ev == null ? null : ev.documentReference(),
                request.trustLevel(), RecordSource.MANUAL, actor);
        idempotency.remember(actor, idempotencyKey, "record", r.id);
        return Response.created(location(r)).entity(RecordDtos.View.of(r, today.date())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR})
    @Operation(summary = "Update validity and evidence (version required); publishes record-updated, and "
            + "record-expired when the new validUntil has passed")
    public RecordDtos.View update(@PathParam("id") UUID id, @Valid @NotNull RecordDtos.Update request) {
        readable(id);
        RecordDtos.Evidence ev = request.evidence();
        return RecordDtos.View.of(records.update(id, request.validUntil(), ev == null ? null : ev.issuer(),
                ev == null ? null : ev.documentReference(), request.version(), access.caller().id()), today.date());
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR})
    @Operation(summary = "Revoke a record with a reason (record-revoked)")
    public RecordDtos.View revoke(@PathParam("id") UUID id, @Valid @NotNull RecordDtos.Revoke request) {
        readable(id);
        return RecordDtos.View.of(records.revoke(id, request.reason(), request.version(), access.caller().id()),
                today.date());
    }

    @POST
    @Path("{id}/attest")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(summary = "Attest real competence: attested by which employee, level 1-3 (record-attested)")
    public RecordDtos.View attest(@PathParam("id") UUID id, @Valid @NotNull RecordDtos.Attest request) {
        readable(id);
        return RecordDtos.View.of(records.attest(id, request.attestedBy(), request.level(), request.version(),
                access.caller().id()), today.date());
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Full change history of a record: who, when, what")
    @Transactional
    public List<RecordDtos.HistoryEntry> history(@PathParam("id") UUID id) {
        CompetenceRecord r = readable(id);
        accessLog.read(access.caller().id(), access.caller().rhf(), r.employee, "record-history");
        return RecordHistoryEntry.<RecordHistoryEntry>find("recordId = ?1 order by at, id", id).list().stream()
                .map(h -> {
                    try {
                        return new RecordDtos.HistoryEntry(h.at, h.actor, h.action, mapper.readTree(h.changes));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private CompetenceRecord readable(UUID id) {
        CompetenceRecord r = CompetenceRecord.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Competence record", id);
        }
        return access.readable(r, r.rhf, r.hf, "Competence record", id);
    }

    private static URI location(CompetenceRecord r) {
        return URI.create(Paths.ROOT + "/records/" + r.id);
    }
}
