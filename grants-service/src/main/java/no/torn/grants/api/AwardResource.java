package no.torn.grants.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.grants.application.AwardPublications;
import no.torn.grants.application.AwardPublications.PublishRequest;
import no.torn.grants.application.AwardPublications.WithdrawRequest;
import no.torn.grants.application.Awards;
import no.torn.grants.application.Awards.Award;
import no.torn.grants.domain.Application;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryParams;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/**
 * Published award lists, open to every RHF by design, and the RHF's publish and withdraw steps. The same list is
 * served without a token under {@code /api/v1/open-data/awards}.
 */
@Path("/api/v1/grants/awards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards", description = "Published award lists per RHF and year; publishing and withdrawing awards")
public class AwardResource {

    /** An award's publication state after a publish or withdraw step. */
    public record PublicationView(UUID applicationId, String rhf, String hf, boolean published, Instant publishedAt,
                                  long version) {
        static PublicationView of(Application a) {
            return new PublicationView(a.id, a.rhf, a.hf, a.publishedAt != null, a.publishedAt, a.version);
        }
    }

    @Inject
    Awards awards;

    @Inject
    AwardPublications publications;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "listAwards",
                summary = "The published award list, by RHF, HF and year (open to every RHF)",
            description = "Only published awards; a granted project becomes public when its RHF publishes it.")
    public Page<Award> list(@QueryParam("rhf") String rhf, @QueryParam("year") String year,
                            @QueryParam("hf") String hf, @Valid @BeanParam PageRequest pageRequest) {
        return awards.list(rhf, QueryParams.integer(year, "year"), hf, pageRequest);
    }

    @POST
    @Path("/{applicationId}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RHF_ADMIN, Roles.NATIONAL_ADMIN})
    @Operation(operationId = "publishAward",
                summary = "Publish an award (a granted or completed project) to the public lists and open data",
            description = "Needs the application's version. Audited; publishes award-published on the RHF's topic. "
                    + "Roles: rhf-admin of the award's RHF, national-admin.")
    @APIResponse(responseCode = "200", description = "The award's publication state")
    @APIResponse(responseCode = "404", description = "Unknown application, or one of another RHF",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Stale version, or published already",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The application is not granted",
            content = @Content(mediaType = "application/problem+json"))
    public PublicationView publish(@PathParam("applicationId") UUID applicationId,
                                   @Valid @NotNull PublishRequest request) {
        return PublicationView.of(publications.publish(caller.actor(), applicationId, request));
    }

    @POST
    @Path("/{applicationId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RHF_ADMIN, Roles.NATIONAL_ADMIN})
    @Operation(operationId = "withdrawAward",
                summary = "Withdraw a published award from the public lists and open data",
            description = "Needs the application's version; an optional reason is kept in the audit trail. "
                    + "Publishes award-withdrawn on the RHF's topic. Roles: rhf-admin of the award's RHF, "
                    + "national-admin.")
    @APIResponse(responseCode = "200", description = "The award's publication state")
    @APIResponse(responseCode = "404", description = "Unknown application, or one of another RHF",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Stale version, or not published",
            content = @Content(mediaType = "application/problem+json"))
    public PublicationView withdraw(@PathParam("applicationId") UUID applicationId,
                                    @Valid @NotNull WithdrawRequest request) {
        return PublicationView.of(publications.withdraw(caller.actor(), applicationId, request));
    }
}
