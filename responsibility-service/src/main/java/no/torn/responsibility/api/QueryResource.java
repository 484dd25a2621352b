package no.torn.responsibility.api;

import no.torn.platform.api.QueryFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;
import no.torn.responsibility.domain.AuditTrail;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.ClarificationStatus;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import no.torn.responsibility.domain.EmployeeView;
import no.torn.responsibility.domain.Raci;
import no.torn.responsibility.domain.TaskView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/responsibility")
@Tag(name = "Responsibility queries", description = "Who is responsible, what an employee may do, responsibility matrix")
public class QueryResource {

    public record ResponsibleDelegation(UUID delegationId, UUID employeeId, String delegator, String supervisor,
                                        LocalDate validFrom, LocalDate validTo) {
    }

    public record Responsibility(UUID clarificationId, String status, String hf, String unit, String taskCode,
                                 UUID mappingId, List<String> accountable, List<String> responsible,
                                 List<String> consulted, List<String> informed, String delegatingGroup,
                                 String performingGroup, String supervisorRole, String legalBasis,
                                 String conditions, LocalDate activeFrom, LocalDate reviewDate,
                                 List<ResponsibleDelegation> delegations) {
    }

    public record WhoIsResponsible(String taskCode, String hf, String unit, LocalDate asOf,
                                   List<Responsibility> clarifications) {
    }

    public record MatrixRow(String taskCode, String taskTitle, UUID clarificationId, String status,
                            List<String> responsible, List<String> accountable, List<String> consulted,
                            List<String> informed, String performingGroup, String supervisorRole,
                            LocalDate reviewDate) {
    }

    public record Matrix(String rhf, String hf, String unit, LocalDate asOf, List<MatrixRow> rows) {
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Authorisations authorisations;

    @Inject
    AuditTrail audit;

    @GET
    @Path("/who-is-responsible")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION, Roles.EMPLOYEE})
    @Operation(summary = "Who is responsible for task T in unit U: the clarifications in force and their delegations")
    public WhoIsResponsible whoIsResponsible(@QueryParam("taskCode") @NotBlank String taskCode,
                                             @QueryParam("hf") String hf, @QueryParam("unit") String unit) {
        String rhf = scopeRhf(hf);
        LocalDate today = LocalDate.now(clock);
        QueryFilter filter = new QueryFilter().eq("taskCode", taskCode).eq("rhf", rhf).eq("hf", hf).eq("unit", unit);
        filter.params().put("statuses", List.of(ClarificationStatus.APPROVED, ClarificationStatus.ACTIVE));
        List<Clarification> found = Clarification.list(filter.where() + " and status in :statuses"
                + " order by hf, unit, activeFrom", filter.params());
        List<Responsibility> result = found.stream().filter(c -> c.inForceOn(today)).map(c -> new Responsibility(
                c.id, c.status.name(), c.hf, c.unit, c.taskCode, c.mappingId, c.partiesOf(Raci.ACCOUNTABLE),
                c.partiesOf(Raci.RESPONSIBLE), c.partiesOf(Raci.CONSULTED), c.partiesOf(Raci.INFORMED),
                c.delegatingGroup, c.performingGroup, c.supervisorRole, c.legalBasis, c.conditions, c.activeFrom,
                c.reviewDate, Delegation.<Delegation>list("clarificationId = ?1 and status = ?2 order by validFrom",
                        c.id, DelegationStatus.ACTIVE).stream().map(d -> new ResponsibleDelegation(d.id,
                        d.employeeId, d.delegator, d.supervisor, d.validFrom, d.validTo)).toList())).toList();
        return new WhoIsResponsible(taskCode, hf, unit, today, result);
    }

    @GET
    @Path("/employees/{employeeId}/authorisations")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION})
    @Transactional
    @Operation(summary = "What employee E may do, and under whose responsibility (the read is audit-logged)")
    public Authorisations.EmployeeAuthorisations employee(@PathParam("employeeId") UUID employeeId) {
        EmployeeView employee = EmployeeView.findById(employeeId);
        caller.visible(employee, employee == null ? null : employee.rhf, "Employee", employeeId);
        // Reads of a person's data by others than themselves are audit-logged (DESIGN.md, privacy).
        audit.record(employee.rhf, employee.hf, AuditTrail.EMPLOYEE, employee.employeeId, "VIEWED", null, null,
                caller.id(), "authorisations read");
        return authorisations.of(employee);
    }

    @GET
    @Path("/matrix")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION})
    @Operation(summary = "Responsibility matrix of a unit: task × responsible/accountable/consulted/informed")
    public Matrix matrix(@QueryParam("hf") @NotBlank String hf, @QueryParam("unit") @NotBlank String unit) {
        String rhf = scopeRhf(hf);
        LocalDate today = LocalDate.now(clock);
        List<Clarification> found = Clarification.list(
                "rhf = ?1 and hf = ?2 and unit = ?3 and status in ?4 order by taskCode, activeFrom", rhf, hf, unit,
                List.of(ClarificationStatus.APPROVED, ClarificationStatus.ACTIVE));
        List<MatrixRow> rows = found.stream().map(c -> {
            TaskView task = TaskView.findById(c.taskCode);
            return new MatrixRow(c.taskCode, task == null ? null : task.title, c.id, c.status.name(),
                    c.partiesOf(Raci.RESPONSIBLE), c.partiesOf(Raci.ACCOUNTABLE), c.partiesOf(Raci.CONSULTED),
                    c.partiesOf(Raci.INFORMED), c.performingGroup, c.supervisorRole, c.reviewDate);
        }).toList();
        return new Matrix(rhf, hf, unit, today, rows);
    }

    @GET
    @Path("/matrix")
    @Produces("text/csv")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION})
    @Operation(summary = "Responsibility matrix of a unit as CSV")
    public Response matrixCsv(@QueryParam("hf") @NotBlank String hf, @QueryParam("unit") @NotBlank String unit) {
        Matrix matrix = matrix(hf, unit);
        StringBuilder csv = new StringBuilder(
                "task_code,task_title,status,responsible,accountable,consulted,informed,performing_group,"
                        + "supervisor_role,review_date,clarification_id\r\n");
        for (MatrixRow row : matrix.rows()) {
            csv.append(Csv.row(row.taskCode(), row.taskTitle(), row.status(), Csv.join(row.responsible()),
                    Csv.join(row.accountable()), Csv.join(row.consulted()), Csv.join(row.informed()),
                    row.performingGroup(), row.supervisorRole(), String.valueOf(row.reviewDate()),
                    String.valueOf(row.clarificationId())));
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"responsibility-matrix-" + safe(hf) + "-"
                        + safe(unit) + ".csv\"")
                .build();
    }

    /** The RHF a query naming {@code hf} reads: the caller's own (foreign HF refused), or any for a national admin. */
    private String scopeRhf(String hf) {
        if (hf == null) {
            return caller.scopeForQuery(null).orElse(null);
        }
        if (caller.isNationalAdmin()) {
            return HealthRegion.ofHospitalTrust(hf).map(HealthRegion::code)
                    .orElseThrow(() -> ProblemException.invalid("hf", "unknown hospital trust " + hf));
        }
        caller.requireOwnHf(hf, caller.rhf(), "hf");
        return caller.rhf();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
