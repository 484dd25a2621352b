package no.torn.grants.api;

import no.torn.platform.api.QueryParams;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.Organisations;
import no.torn.grants.domain.ProjectKind;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Published awards: granted (and completed) projects, readable by every authenticated TØRN user of any RHF by
 * design. Only public facts are shown; contact details and review comments stay inside the RHF.
 */
@Path("/api/v1/grants/awards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards", description = "Published award lists per RHF and year, and an open-data export")
public class AwardResource {

    static final String ID_PREFIX = "360G-torn-";

    public record AwardView(UUID applicationId, UUID roundId, int year, String programme, String rhf,
                            String rhfName, String hf, String hfName, String title, String department,
                            String description, String fromGroup, String toGroup, List<String> taskCodes,
                            ProjectKind kind, long amount, Instant awardedAt, boolean completed) {
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The published award list, by RHF and year (open to every RHF)")
    public Page<AwardView> list(@QueryParam("rhf") String rhf, @QueryParam("year") String year,
                                @QueryParam("hf") String hf, @Valid @BeanParam PageRequest pageRequest) {
        Query query = query(rhf, QueryParams.integer(year, "year"), hf);
        var found = Application.find(query.hql, Sort.by("rhf").and("hf").and("title").and("id"), query.params);
        Map<UUID, GrantRound> rounds = new HashMap<>();
        return Page.of(found, pageRequest, a -> award((Application) a, rounds));
    }

    @GET
    @Path("/export")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The award list as open data in a 360Giving-like JSON shape")
    public Map<String, Object> export(@QueryParam("rhf") String rhf, @QueryParam("year") String year) {
        Query query = query(rhf, QueryParams.integer(year, "year"), null);
        Map<UUID, GrantRound> rounds = new HashMap<>();
        List<Map<String, Object>> grants = Application.<Application>list(query.hql,
                        Sort.by("rhf").and("hf").and("title").and("id"), query.params).stream()
                .map(a -> award(a, rounds)).map(this::grant).toList();
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("schema", "360Giving-like grants export (TØRN)");
        doc.put("license", "https://data.norge.no/nlod/no/2.0");
        doc.put("publisher", Map.of("name", "TØRN", "prefix", ID_PREFIX));
        doc.put("grants", grants);
        return doc;
    }

    private Map<String, Object> grant(AwardView a) {
        Map<String, Object> g = new java.util.LinkedHashMap<>();
        g.put("id", ID_PREFIX + a.applicationId());
        g.put("title", a.title());
        g.put("description", a.description());
        g.put("currency", "NOK");
        g.put("amountAwarded", a.amount());
        g.put("awardDate", a.awardedAt() == null ? null : LocalDate.ofInstant(a.awardedAt(), ZoneOffset.UTC).toString());
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

    private record Query(String hql, Map<String, Object> params) {
    }

    private static Query query(String rhf, Integer year, String hf) {
        StringBuilder q = new StringBuilder("status in :statuses");
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", List.of(ApplicationStatus.GRANTED, ApplicationStatus.CLOSED));
        if (rhf != null && !rhf.isBlank()) {
            if (HealthRegion.fromCode(rhf).isEmpty()) {
                throw ProblemException.invalid("rhf", "unknown RHF " + rhf);
            }
            q.append(" and rhf = :rhf");
            params.put("rhf", rhf);
        }
        if (hf != null && !hf.isBlank()) {
            q.append(" and hf = :hf");
            params.put("hf", hf);
        }
        if (year != null) {
            q.append(" and roundId in (select r.id from GrantRound r where r.year = :year)");
            params.put("year", year);
        }
        return new Query(q.toString(), params);
    }

    private static AwardView award(Application a, Map<UUID, GrantRound> rounds) {
        GrantRound r = rounds.computeIfAbsent(a.roundId, id -> GrantRound.findById(id));
        return new AwardView(a.id, a.roundId, r.year, r.programme, a.rhf, Organisations.name(a.rhf), a.hf,
                Organisations.name(a.hf), a.title, a.department, a.description, a.fromGroup, a.toGroup,
                List.of(a.taskCodes), a.kind, a.grantedAmount == null ? 0 : a.grantedAmount, a.decidedAt,
                a.status == ApplicationStatus.CLOSED);
    }
}
