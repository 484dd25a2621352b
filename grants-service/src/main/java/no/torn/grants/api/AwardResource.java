package no.torn.grants.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.grants.application.Awards;
import no.torn.grants.application.Awards.Award;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryParams;
import no.torn.platform.tenancy.Roles;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Published award lists, open to every RHF by design, and the same list as open data. */
@Path("/api/v1/grants/awards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards", description = "Published award lists per RHF and year, and an open-data export")
public class AwardResource {

    static final String ID_PREFIX = "360G-torn-";

    @Inject
    Awards awards;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The published award list, by RHF and year (open to every RHF)")
    public Page<Award> list(@QueryParam("rhf") String rhf, @QueryParam("year") String year,
                            @QueryParam("hf") String hf, @Valid @BeanParam PageRequest pageRequest) {
        return awards.list(rhf, QueryParams.integer(year, "year"), hf, pageRequest);
    }

    @GET
    @Path("/export")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The award list as open data in a 360Giving-like JSON shape")
    public Map<String, Object> export(@QueryParam("rhf") String rhf, @QueryParam("year") String year) {
        List<Map<String, Object>> grants = awards.all(rhf, QueryParams.integer(year, "year")).stream()
                .map(AwardResource::grant).toList();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "360Giving-like grants export (TØRN)");
        doc.put("license", "https://data.norge.no/nlod/no/2.0");
        doc.put("publisher", Map.of("name", "TØRN", "prefix", ID_PREFIX));
        doc.put("grants", grants);
        return doc;
    }

    private static Map<String, Object> grant(Award a) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", ID_PREFIX + a.applicationId());
        g.put("title", a.title());
        g.put("description", a.description());
        g.put("currency", "NOK");
        g.put("amountAwarded", a.amount());
        // The award date is the Norwegian calendar day of the decision.
        g.put("awardDate", a.awardedAt() == null ? null : Today.dateOf(a.awardedAt()).toString());
        g.put("recipientOrganization", List.of(Map.of("id", "NO-HF-" + a.hf(), "name", a.hfName(),
                "department", a.department())));
        g.put("fundingOrganization", List.of(Map.of("id", "NO-RHF-" + a.rhf(), "name", a.rhfName())));
        g.put("grantProgramme", List.of(Map.of("code", "torn-" + a.year() + "-" + a.programme(),
                "title", "TØRN " + a.year() + " (" + a.programme() + ")")));
        g.put("classifications", List.of(Map.of("vocabulary", "torn-task-sharing",
                "code", a.fromGroup() + "->" + a.toGroup(),
                "title", "Task sharing from " + a.fromGroup() + " to " + a.toGroup())));
        g.put("taskCodes", a.taskCodes());
        g.put("projectStatus", a.completed() ? "COMPLETED" : "RUNNING");
        return g;
    }
}
