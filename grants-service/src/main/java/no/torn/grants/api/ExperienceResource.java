package no.torn.grants.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import no.torn.grants.api.ExperienceDtos.ExperienceView;
import no.torn.grants.application.ExperienceReports;
import no.torn.grants.application.ExperienceReports.ExperienceRequest;
import no.torn.grants.application.ExperienceReports.PublishRequest;
import no.torn.grants.application.ExperienceSearch;
import no.torn.grants.domain.ExperienceReport;
import no.torn.grants.domain.ExperienceStatus;
import no.torn.grants.domain.PersonnelGroups;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryParams;
import no.torn.platform.application.Idempotency;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * The experience-sharing arena: the one place where data crosses RHF boundaries by design. Published reports are
 * readable and searchable by every RHF; drafts stay inside the RHF that writes them.
 */
@Path("/api/v1/experience/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Experience arena", description = "Experience reports shared across the RHFs, with full-text search")
public class ExperienceResource {

    @Inject
    Caller caller;

    @Inject
    ExperienceReports reports;

    @Inject
    ExperienceSearch search;

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(operationId = "createExperienceReport",
                summary = "Write a draft experience report for an HF of the caller's RHF")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The draft experience report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExperienceView.class)))
    public Response create(@Valid @NotNull ExperienceRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        ExperienceReport e = reports.create(caller.actor(), idempotencyKey, request);
        return Response.created(URI.create("/api/v1/experience/reports/" + e.id)).entity(ExperienceView.of(e))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(operationId = "updateExperienceReport", summary = "Change a draft experience report")
    public ExperienceView update(@PathParam("id") UUID id, @Valid @NotNull ExperienceRequest request) {
        return ExperienceView.of(reports.update(caller.actor(), id, request));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(operationId = "publishExperienceReport", summary = "Publish a draft to every RHF")
    public ExperienceView publish(@PathParam("id") UUID id, @Valid @NotNull PublishRequest request) {
        return ExperienceView.of(reports.publish(caller.actor(), id, request));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "getExperienceReport",
                summary = "Read an experience report: published ones from any RHF, drafts only within their own")
    public ExperienceView get(@PathParam("id") UUID id) {
        return ExperienceView.of(reports.get(caller.actor(), id));
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "searchExperienceReports",
                summary = "Search experience reports (Norwegian full text in q; filters personnelGroup, fromGroup, "
            + "toGroup, task, hf, rhf, year). Published reports of every RHF by default; status=DRAFT lists the "
            + "caller's RHF's drafts",
            description = "q uses PostgreSQL's norwegian text search (stemmed, so q=sykepleier finds 'Sykepleierne'; "
                    + "web-search syntax: \"phrase\", or, -word). With q the results are ranked (rank, ts_rank) and "
                    + "carry a snippet with the matches in <mark> tags (the rest HTML-escaped); without q the newest "
                    + "come first. Roles: every TØRN role.")
    public Page<ExperienceView> search(
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("personnelGroup") @Pattern(regexp = PersonnelGroups.PATTERN,
                    message = PersonnelGroups.MESSAGE) String personnelGroup,
            @Parameter(description = "The group the tasks moved from, e.g. sykepleier")
            @QueryParam("fromGroup") @Pattern(regexp = PersonnelGroups.PATTERN,
                    message = PersonnelGroups.MESSAGE) String fromGroup,
            @Parameter(description = "The group the tasks moved to, e.g. portor")
            @QueryParam("toGroup") @Pattern(regexp = PersonnelGroups.PATTERN,
                    message = PersonnelGroups.MESSAGE) String toGroup,
            @QueryParam("task") @Size(max = 60) String task,
            @QueryParam("hf") @Size(max = 60) String hf,
            @QueryParam("rhf") String rhf,
            @QueryParam("year") String yearParam,
            @Parameter(description = "Filter by status: DRAFT, PUBLISHED", example = "DRAFT")
            @QueryParam("status") String statusParam,
            @Valid @BeanParam PageRequest pageRequest) {
        Integer year = QueryParams.integer(yearParam, "year");
        ExperienceStatus status = QueryParams.enumOf(ExperienceStatus.class, statusParam, "status");
        ExperienceStatus wanted = status == null ? ExperienceStatus.PUBLISHED : status;
        String named = rhf == null || rhf.isBlank() ? null : rhf;
        if (named != null && HealthRegion.fromCode(named).isEmpty()) {
            throw ProblemException.invalid("rhf", "unknown RHF " + named);
        }
        // Published reports are open to every RHF; drafts only to their own.
        String scope = wanted == ExperienceStatus.DRAFT ? caller.scopeForQuery(named).orElse(null) : named;
        return search.search(new ExperienceSearch.Query(wanted, q, personnelGroup, fromGroup, toGroup,
                task, hf, scope, year), pageRequest, ExperienceView::of);
    }
}
