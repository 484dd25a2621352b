package no.torn.competence.api;

import no.torn.platform.api.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.competence.domain.CompetenceQueries;
import no.torn.competence.domain.Employee;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path(Paths.ROOT + "/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My competence", description = "The calling employee's own competence record")
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    CompetenceQueries queries;

    @Inject
    Today today;

    @GET
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(operationId = "getMyCompetence",
                summary = "My employee data, competence records and the codes valid on validOn (default today)")
    @Transactional
    public RecordDtos.EmployeeCompetences me(@QueryParam("validOn") String validOn) {
        String number = caller.employeeNumber()
                .orElseThrow(() -> ProblemException.notFound("Employee for this token", "(no employee_number)"));
        String rhf = caller.rhf();
        List<Employee> matches = caller.hf()
                .map(hf -> Employee.<Employee>list("rhf = ?1 and hf = ?2 and employeeNumber = ?3", rhf, hf, number))
                .orElseGet(() -> Employee.list("rhf = ?1 and employeeNumber = ?2", rhf, number));
        if (matches.size() != 1) {
            throw ProblemException.notFound("Employee with number", number);
        }
        return EmployeeResource.competencesOf(matches.get(0), QueryParams.date(validOn, "validOn", today.date()), queries);
    }
}
