package no.torn.competence.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.torn.competence.domain.PersonnelGroup;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path(Paths.ROOT + "/personnel-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personnel groups", description = "Professions (personellgrupper), reference data")
@RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
        Roles.AUDITOR, Roles.EMPLOYEE})
public class PersonnelGroupResource {

    @GET
    @Operation(operationId = "listPersonnelGroups",
                summary = "List the personnel groups and whether each is an authorised health profession")
    public List<QueryDtos.PersonnelGroupView> list() {
        return PersonnelGroup.<PersonnelGroup>findAll(Sort.by("code")).list().stream().map(PersonnelGroupResource::view)
                .toList();
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getPersonnelGroup", summary = "One personnel group")
    public QueryDtos.PersonnelGroupView get(@PathParam("code") String code) {
        PersonnelGroup g = PersonnelGroup.findById(code);
        if (g == null) {
            throw ProblemException.notFound("Personnel group", code);
        }
        return view(g);
    }

    private static QueryDtos.PersonnelGroupView view(PersonnelGroup g) {
        return new QueryDtos.PersonnelGroupView(g.code, g.name, g.authorisedHealthProfession);
    }
}
