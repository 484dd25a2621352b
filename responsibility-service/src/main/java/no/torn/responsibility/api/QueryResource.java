package no.torn.responsibility.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.torn.platform.api.QueryParams;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.time.Today;
import no.torn.platform.tenancy.Roles;
import no.torn.responsibility.application.Authorisations;
import no.torn.responsibility.application.PointInTime;
import no.torn.responsibility.application.ResponsibilityQueries;
import no.torn.responsibility.application.ResponsibilityQueries.Matrix;
import no.torn.responsibility.application.ResponsibilityQueries.MatrixRow;
import no.torn.responsibility.application.ResponsibilityQueries.WhoIsResponsible;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/responsibility")
@Tag(name = "Responsibility queries", description = "Who is responsible, what an employee may do, responsibility matrix")
public class QueryResource {

    @Inject
    Caller caller;

    @Inject
    ResponsibilityQueries queries;

    @Inject
    Authorisations authorisations;

    @Inject
    PointInTime pointInTime;

    @Inject
    Today today;

    @GET
    @Path("/who-is-responsible")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION, Roles.EMPLOYEE})
    @Operation(operationId = "whoIsResponsible",
                summary = "Who is responsible for task T in unit U: the clarifications in force and their delegations")
    public WhoIsResponsible whoIsResponsible(@QueryParam("taskCode") @NotBlank String taskCode,
                                             @QueryParam("hf") String hf, @QueryParam("unit") String unit) {
        return queries.whoIsResponsible(caller.actor(), taskCode, hf, unit);
    }

    @GET
    @Path("/employees/{employeeId}/authorisations")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION})
    @Operation(operationId = "getEmployeeAuthorisations",
                summary = "What employee E may do, and under whose responsibility (the read is audit-logged)")
    public Authorisations.EmployeeAuthorisations employee(@PathParam("employeeId") UUID employeeId) {
        return authorisations.ofEmployee(caller.actor(), employeeId);
    }

    @GET
    @Path("/point-in-time")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION, Roles.EMPLOYEE})
    @Operation(summary = "Was employee E qualified for, and delegated, task T on day D, and under which rules?",
            description = "For incident review. Answered as known at the end of the Norwegian day D (Europe/Oslo): "
                    + "each competence record as it stood then (knownThen) and, where a later correction tells "
                    + "otherwise, as known now (knownNow); the delegations of E for T whose period covers D with "
                    + "their status at the end of D from the audit trail and the audit lines up to then; the "
                    + "requirements (the delegation's, else the task's), the clarification it rests on and every "
                    + "rule evaluated (R-COMP-01, R-SHARE-01..05). Readable by whoever may read the employee's "
                    + "delegations; reading another person's history is audit-logged.")
    @APIResponse(responseCode = "200", description = "The answer for the day",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PointInTime.Answer.class)))
    @APIResponse(responseCode = "400", description = "employeeId, taskCode or date missing or malformed (the "
            + "problem names the parameter)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller's role may not read delegations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Employee or task unknown, of another RHF, or not readable "
            + "by the caller", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public PointInTime.Answer pointInTime(@QueryParam("employeeId") String employeeId,
                                       @QueryParam("taskCode") String taskCode, @QueryParam("date") String date) {
        UUID employee = QueryParams.uuid(employeeId, "employeeId");
        if (employee == null) {
            throw ProblemException.invalid("employeeId", "must not be blank");
        }
        if (taskCode == null || taskCode.isBlank()) {
            throw ProblemException.invalid("taskCode", "must not be blank");
        }
        LocalDate day = QueryParams.date(date, "date", today.date());
        return pointInTime.on(caller.actor(), employee, taskCode.strip(), day);
    }

    @GET
    @Path("/matrix")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION})
    @Operation(operationId = "getResponsibilityMatrix",
                summary = "Responsibility matrix of a unit: task × responsible/accountable/consulted/informed")
    public Matrix matrix(@QueryParam("hf") @NotBlank String hf, @QueryParam("unit") @NotBlank String unit) {
        return queries.matrix(caller.actor(), hf, unit);
    }

    @GET
    @Path("/matrix")
    @Produces("text/csv")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION})
    @Operation(operationId = "getResponsibilityMatrixCsv", summary = "Responsibility matrix of a unit as CSV")
    @APIResponse(responseCode = "200", description = "The matrix, one row per task (RFC 4180, UTF-8, header row)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response matrixCsv(@QueryParam("hf") @NotBlank String hf, @QueryParam("unit") @NotBlank String unit) {
        Matrix matrix = queries.matrix(caller.actor(), hf, unit);
        // Column names are the JSON field names, as in every CSV of the platform (HR import, open data).
        StringBuilder csv = new StringBuilder(
                "taskCode,taskTitle,status,responsible,accountable,consulted,informed,performingGroup,"
                        + "supervisorRole,reviewDate,clarificationId\r\n");
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

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
