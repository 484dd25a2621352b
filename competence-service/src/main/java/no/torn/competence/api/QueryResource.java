package no.torn.competence.api;

import no.torn.platform.api.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.competence.domain.CompetenceQueries;
import no.torn.competence.domain.Reach;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Path(Paths.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Competence overview", description = "Who holds what, and where the gaps are")
@RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
        Roles.AUDITOR})
public class QueryResource {

    @Inject
    Caller caller;

    @Inject
    CompetenceQueries queries;

    @Inject
    Today today;

    @GET
    @Path("holders")
    @Operation(operationId = "listCompetenceHolders",
                summary = "Active employees of an HF (optionally a unit) who hold ALL the given competence codes "
            + "validly on validOn (default today); implied competences count")
    public Page<QueryDtos.Holder> holders(@BeanParam @Valid PageRequest pageRequest, @QueryParam("hf") String hf,
                                          @QueryParam("unit") String unit,
                                          @QueryParam("codes") List<String> codes,
                                          @QueryParam("validOn") String validOn) {
        String rhf = Reach.rhfOfQueriedHf(caller.actor(), hf);
        List<String> wanted = Paths.codes(codes, "codes");
        LocalDate day = QueryParams.date(validOn, "validOn", today.date());
        var result = queries.holders(rhf, hf, blankToNull(unit), wanted, day, pageRequest.page, pageRequest.size);
        return new Page<>(result.rows().stream().map(r -> new QueryDtos.Holder(r.employeeId(), r.employeeNumber(),
                r.name(), r.hf(), r.unit(), r.personnelGroup())).toList(), pageRequest.page, pageRequest.size, result.total());
    }

    @GET
    @Path("gap-report")
    @Operation(operationId = "getCompetenceGapReport",
                summary = "Per competence code: staff valid, expiring within withinDays (default 30), expired and "
            + "missing, plus the single holders of a code in their unit")
    public QueryDtos.GapReport gapReport(@QueryParam("hf") String hf, @QueryParam("unit") String unit,
                                         @QueryParam("codes") List<String> codes,
                                         @QueryParam("withinDays") String withinDays,
                                         @QueryParam("asOf") String asOf) {
        String rhf = Reach.rhfOfQueriedHf(caller.actor(), hf);
        List<String> wanted = Paths.codes(codes, "codes");
        LocalDate day = QueryParams.date(asOf, "asOf", today.date());
        int within = parseWithin(withinDays);
        String u = blankToNull(unit);
        long staff = queries.staff(rhf, hf, u);
        Map<String, CompetenceQueries.GapCounts> counts = queries.gapCounts(rhf, hf, u, wanted, day, within);
        List<QueryDtos.GapLine> lines = new ArrayList<>();
        for (String code : wanted) {
            var c = counts.getOrDefault(code, new CompetenceQueries.GapCounts(code, 0, 0, 0));
            lines.add(new QueryDtos.GapLine(code, c.valid(), c.expiring(), c.expired(),
                    staff - c.valid() - c.expiring() - c.expired()));
        }
        var single = queries.singleHolders(rhf, hf, u, wanted, day).stream()
                .map(s -> new QueryDtos.SingleHolder(s.code(), s.unit(), s.employeeId(), s.employeeNumber(), s.name()))
                .toList();
        return new QueryDtos.GapReport(hf, u, day, within, staff, lines, single);
    }

    private static int parseWithin(String value) {
        if (value == null || value.isBlank()) {
            return 30;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days < 0 || days > 3650) {
                throw ProblemException.invalid("withinDays", "must be between 0 and 3650");
            }
            return days;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("withinDays", "must be a whole number of days");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
