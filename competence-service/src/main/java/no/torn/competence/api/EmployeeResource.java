package no.torn.competence.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import no.torn.platform.api.QueryParams;
import no.torn.platform.api.QueryFilter;
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
import no.torn.competence.application.Employees;
import no.torn.competence.domain.AccessLog;
import no.torn.competence.domain.CompetenceQueries;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.EmploymentStatus;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path(Paths.ROOT + "/employees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Employees", description = "Employees of an HF and their competence")
public class EmployeeResource {

    @Inject
    Caller caller;

    @Inject
    Employees employees;

    @Inject
    CompetenceQueries queries;

    @Inject
    AccessLog accessLog;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "listEmployees",
                summary = "List employees (filter by hf, unit, personnelGroup, status, employeeNumber, q = name)")
    public Page<EmployeeDtos.View> list(@BeanParam @Valid PageRequest pageRequest, @QueryParam("rhf") String rhf,
                                        @QueryParam("hf") String hf, @QueryParam("unit") String unit,
                                        @QueryParam("personnelGroup") String personnelGroup,
                                        @Parameter(description = "Filter by status: ACTIVE, LEFT", example = "ACTIVE")
                                        @QueryParam("status") String status,
                                        @QueryParam("employeeNumber") String employeeNumber,
                                        @QueryParam("q") String q) {
        QueryFilter f = new QueryFilter();
        caller.scopeForQuery(rhf).ifPresent(r -> f.eq("rhf", "rhf", r));
        caller.actor().hfScope(hf).ifPresent(h -> f.eq("hf", "hf", h));
        f.eq("unit", "unit", unit).eq("personnelGroup", "group", personnelGroup)
                .eq("status", "status", QueryParams.enumOf(EmploymentStatus.class, status, "status"))
                .eq("employeeNumber", "number", employeeNumber);
        if (q != null && !q.isBlank()) {
            f.clause("lower(name) like :q", "q", "%" + q.toLowerCase() + "%");
        }
        return Page.of(Employee.<Employee>find(f.where("hf, employeeNumber"), f.params()), pageRequest, EmployeeDtos.View::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "getEmployee", summary = "One employee")
    @Transactional
    public EmployeeDtos.View get(@PathParam("id") UUID id) {
        Actor actor = caller.actor();
        Employee e = Employees.visible(actor, id);
        accessLog.read(actor, e, "employee");
        return EmployeeDtos.View.of(e);
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR})
    @Operation(operationId = "createEmployee",
                summary = "Register an employee in an HF of the caller's RHF (hf-hr: its own HF); "
            + "Idempotency-Key supported")
    @APIResponse(responseCode = "201", description = "The registered employee",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = EmployeeDtos.View.class)))
    public Response create(@Valid @NotNull EmployeeDtos.Create request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Employee e = employees.register(caller.actor(), idempotencyKey, new Employees.Registration(request.hf(),
                request.unit(), request.employeeNumber(), request.name(), request.personnelGroup(),
                request.hprNumber()));
        return Response.created(URI.create(Paths.ROOT + "/employees/" + e.id)).entity(EmployeeDtos.View.of(e)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR})
    @Operation(operationId = "updateEmployee",
                summary = "Update an employee's unit, name, personnel group or HPR number (version required)")
    public EmployeeDtos.View update(@PathParam("id") UUID id, @Valid @NotNull EmployeeDtos.Update request) {
        return EmployeeDtos.View.of(employees.update(caller.actor(), id, new Employees.Change(request.unit(),
                request.name(), request.personnelGroup(), request.hprNumber(), request.version())));
    }

    @POST
    @Path("{id}/leave")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR})
    @Operation(operationId = "markEmployeeLeft",
                summary = "Mark an employee as having left (employee-left); their records stop counting. "
            + "An employee who has already left answers 409")
    public EmployeeDtos.View leave(@PathParam("id") UUID id, EmployeeDtos.Leave request) {
        return EmployeeDtos.View.of(employees.leave(caller.actor(), id, request == null ? null : request.version()));
    }

    @GET
    @Path("{id}/competences")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "getEmployeeCompetences",
                summary = "An employee's competence records and the codes valid on validOn (default today); "
            + "the read is access-logged")
    @Transactional
    public RecordDtos.EmployeeCompetences competences(@PathParam("id") UUID id,
                                                      @QueryParam("validOn") String validOn) {
        Actor actor = caller.actor();
        Employee e = Employees.visible(actor, id);
        LocalDate day = QueryParams.date(validOn, "validOn", today.date());
        accessLog.read(actor, e, "competences");
        return competencesOf(e, day, queries);
    }

    static RecordDtos.EmployeeCompetences competencesOf(Employee e, LocalDate day, CompetenceQueries queries) {
        List<RecordDtos.View> records = CompetenceRecord.<CompetenceRecord>find(
                        "employee.id = ?1 order by typeCode, acquiredOn", e.id).list().stream()
                .map(r -> RecordDtos.View.of(r, day)).toList();
        return new RecordDtos.EmployeeCompetences(EmployeeDtos.View.of(e), day, records,
                queries.validCodes(e.id, day));
    }
}
