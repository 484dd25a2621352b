package no.torn.competence.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import no.torn.platform.api.QueryParams;
import no.torn.platform.api.QueryFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import no.torn.competence.application.CompetenceTypes;
import no.torn.competence.domain.Catalogue;
import no.torn.competence.domain.CompetenceCategory;
import no.torn.competence.domain.CompetenceKind;
import no.torn.competence.domain.CompetenceType;
import no.torn.competence.domain.TypeStatus;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.application.Idempotency;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path(Paths.ROOT + "/types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Competence catalogue", description = "National catalogue and RHF-local competence types")
public class TypeResource {

    @Inject
    Caller caller;

    @Inject
    CompetenceTypes types;

    @Inject
    Catalogue catalogue;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR, Roles.EMPLOYEE})
    @Operation(operationId = "listCompetenceTypes",
                summary = "List competence types: the national catalogue and the caller's RHF-local types; filter by "
            + "kind, category, scope, status (ACTIVE/RETIRED) or text")
    public Page<TypeDtos.View> list(@BeanParam @Valid PageRequest pageRequest,
                                    @Parameter(description = "Filter by kind: FORMAL, REAL", example = "FORMAL")
                                    @QueryParam("kind") String kind,
                                    @Parameter(description = "Filter by category: EDUCATION, AUTHORISATION, "
                                            + "SPECIALISATION, CERTIFICATION, PROCEDURE, COURSE, EXPERIENCE",
                                            example = "AUTHORISATION")
                                    @QueryParam("category") String category,
                                    @Parameter(description = "Filter by status: ACTIVE, RETIRED", example = "ACTIVE")
                                    @QueryParam("status") String status,
                                    @Parameter(description = "NATIONAL: the national catalogue only; RHF: the "
                                            + "caller's RHF-local types only", example = "NATIONAL")
                                    @QueryParam("scope") String scope, @QueryParam("rhf") String rhf,
                                    @QueryParam("q") String q) {
        QueryFilter f = new QueryFilter().eq("kind", "kind", QueryParams.enumOf(CompetenceKind.class, kind, "kind"))
                .eq("category", "category", QueryParams.enumOf(CompetenceCategory.class, category, "category"))
                .eq("status", "status", QueryParams.enumOf(TypeStatus.class, status, "status"));
        if ("NATIONAL".equals(scope)) {
            f.raw("rhf is null");
        } else if ("RHF".equals(scope)) {
            f.raw("rhf is not null");
        } else if (scope != null && !scope.isBlank()) {
            throw ProblemException.invalid("scope", "must be NATIONAL or RHF");
        }
        var rhfScope = caller.scopeForQuery(rhf);
        rhfScope.ifPresent(r -> f.clause("(rhf is null or rhf = :rhf)", "rhf", r));
        if (q != null && !q.isBlank()) {
            f.clause("(lower(code) like :q or lower(name) like :q)", "q", "%" + q.toLowerCase() + "%");
        }
        return Page.of(CompetenceType.<CompetenceType>find(f.where("code"), f.params()), pageRequest, this::view);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR, Roles.EMPLOYEE})
    @Operation(operationId = "getCompetenceType",
                summary = "One competence type with its implied competences (transitively)")
    public TypeDtos.View get(@PathParam("code") String code) {
        return view(CompetenceTypes.visible(caller.actor(), code));
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN})
    @Operation(operationId = "createCompetenceType",
                summary = "Create a competence type: national (national-admin) or local to the caller's RHF; "
            + "Idempotency-Key supported; publishes competence-type-defined")
    @APIResponse(responseCode = "201", description = "The created competence type",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TypeDtos.View.class)))
    public Response create(@Valid @NotNull TypeDtos.Create request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        CompetenceType t = types.create(caller.actor(), idempotencyKey, new CompetenceTypes.Creation(request.code(),
                Boolean.TRUE.equals(request.national()), new CompetenceTypes.Definition(request.name(),
                request.kind(), request.category(), request.validityMonths(),
                Boolean.TRUE.equals(request.evidenceRequired()), request.implies(), request.authorisesGroups())));
        return Response.created(URI.create(Paths.ROOT + "/types/" + t.code)).entity(view(t)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN})
    @Operation(operationId = "updateCompetenceType",
                summary = "Update a competence type (optimistic concurrency on version); publishes "
            + "competence-type-defined")
    public TypeDtos.View update(@PathParam("code") String code, @Valid @NotNull TypeDtos.Update request) {
        return view(types.update(caller.actor(), code, new CompetenceTypes.Definition(request.name(),
                request.kind(), request.category(), request.validityMonths(),
                Boolean.TRUE.equals(request.evidenceRequired()), request.implies(), request.authorisesGroups()),
                request.version()));
    }

    @POST
    @Path("{code}/retire")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN})
    @Operation(operationId = "retireCompetenceType",
                summary = "Retire a competence type (version required); publishes competence-type-retired",
            description = "National types are retired by national admins, local types by their RHF's admin. A "
                    + "retired type stays readable and its existing records keep their validity, but no new record "
                    + "of it is registered or imported (R-COMP-04), and the task catalogue flags tasks that require "
                    + "it. Retirement is final.")
    @APIResponse(responseCode = "200", description = "the retired type")
    @APIResponse(responseCode = "400", description = "version missing",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "not a maintainer of this type (national types: national admin)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "no such type, or another RHF's local type",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "stale version, or the type is already retired",
            content = @Content(mediaType = "application/problem+json"))
    public TypeDtos.View retire(@PathParam("code") String code, @Valid @NotNull TypeDtos.Retire request) {
        return view(types.retire(caller.actor(), code, request.version()));
    }

    @DELETE
    @Path("{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN})
    @Operation(operationId = "deleteCompetenceType",
                summary = "Delete a competence type no record uses and no type implies (409 otherwise); publishes "
            + "competence-type-retired with deleted=true")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("code") String code) {
        types.delete(caller.actor(), code);
        return Response.noContent().build();
    }

    private TypeDtos.View view(CompetenceType t) {
        return TypeDtos.View.of(t, catalogue.impliedCodes(t.code));
    }
}
