package no.torn.competence.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.torn.competence.application.ReferenceData;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Public reference data, readable by every role (under the token like the rest of the API). */
@Path(Paths.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Health regions (RHF) and their trusts (HF), competence categories")
@RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
        Roles.AUDITOR, Roles.EMPLOYEE})
public class ReferenceResource {

    @Inject
    ReferenceData reference;

    @GET
    @Path("health-regions")
    @Operation(operationId = "listHealthRegions", summary = "List the RHFs with their HFs",
            description = "The four regional health authorities and the hospital trusts of each, with the codes the "
                    + "API uses (`rhf`, `hf`). An organisation number is given only where it was verified against "
                    + "a public source (named in `organisationNumberSource`); otherwise both are null.")
    @APIResponse(responseCode = "200", description = "every RHF with its HFs", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReferenceData.Region.class)))
    public List<ReferenceData.Region> healthRegions() {
        return reference.regions();
    }

    @GET
    @Path("health-regions/{rhf}")
    @Operation(operationId = "getHealthRegion", summary = "One RHF with its HFs",
            description = "As in the list; 404 for a code that is not an RHF.")
    @APIResponse(responseCode = "200", description = "the RHF", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.Region.class)))
    @APIResponse(responseCode = "404", description = "no such RHF",
            content = @Content(mediaType = "application/problem+json"))
    public ReferenceData.Region healthRegion(
            @Parameter(description = "RHF code", example = "helse-vest") @PathParam("rhf") String rhf) {
        return reference.region(rhf).orElseThrow(() -> ProblemException.notFound("Health region", rhf));
    }

    @GET
    @Path("competence-categories")
    @Operation(operationId = "listCompetenceCategories", summary = "List the competence categories",
            description = "Each category of a competence type and whether it documents FORMAL competence "
                    + "(education, authorisation, specialisation, certification) or REAL competence (procedure, "
                    + "course, experience).")
    @APIResponse(responseCode = "200", description = "every category", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReferenceData.Category.class)))
    public List<ReferenceData.Category> competenceCategories() {
        return reference.categories();
    }
}
