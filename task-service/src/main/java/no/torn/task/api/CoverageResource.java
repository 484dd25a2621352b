package no.torn.task.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import no.torn.platform.api.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.platform.api.PageRequest;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.task.domain.RiskLevel;
import no.torn.task.application.StaffEligibility;
import no.torn.task.domain.TaskCategory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

@Path("/api/v1/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "How many of a unit's staff may perform each task")
public class CoverageResource {

    @Inject
    StaffEligibility eligibility;

    @Inject
    Caller caller;

    /** NONE: nobody may perform the task; SINGLE: one person (vulnerable); COVERED: two or more. */
    public enum CoverageFlag {
        NONE, SINGLE, COVERED
    }

    public record CoverageItem(String taskCode, String title, String taskRhf, TaskCategory category,
                               RiskLevel riskLevel, int eligibleStaff, CoverageFlag flag) {
    }

    public record CoverageResponse(String rhf, String hf, String unit, LocalDate validOn, int employees,
                                   long tasksWithNone, long tasksWithSingle, List<CoverageItem> items, int page,
                                   int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "getCoverage",
                summary = "A unit's coverage matrix: every active task with the number of staff eligible on a date; "
            + "tasks with zero or one eligible person are flagged. Sorted by fewest eligible first")
    public CoverageResponse coverage(@QueryParam("hf") @NotBlank String hf,
                                     @QueryParam("unit") @NotBlank @Size(max = 120) String unit,
                                     @QueryParam("validOn") String validOn,
                                     @Parameter(description = "Filter by category: CLINICAL, MEDICATION, LOGISTICS, "
                                             + "SERVICE_MEALS, CLEANING, ADMINISTRATIVE",
                                             example = "CLINICAL")
                                     @QueryParam("category") String categoryParam,
                                     @QueryParam("maxEligible") @Min(0) Integer maxEligible,
                                     @BeanParam @Valid PageRequest page) {
        TaskCategory category = QueryParams.enumOf(TaskCategory.class, categoryParam, "category");
        StaffEligibility.Coverage coverage = eligibility.coverage(caller.actor(), hf, unit,
                QueryParams.date(validOn, "validOn", null));
        StaffEligibility.UnitScope scope = coverage.scope();
        List<CoverageItem> all = coverage.rows().stream()
                .filter(r -> category == null || r.category() == category)
                .map(r -> new CoverageItem(r.taskCode(), r.title(), r.rhf(), r.category(), r.riskLevel(),
                        r.eligibleStaff(), r.eligibleStaff() == 0 ? CoverageFlag.NONE
                        : r.eligibleStaff() == 1 ? CoverageFlag.SINGLE : CoverageFlag.COVERED))
                .sorted(Comparator.comparingInt(CoverageItem::eligibleStaff).thenComparing(CoverageItem::taskCode))
                .toList();
        long none = all.stream().filter(i -> i.flag() == CoverageFlag.NONE).count();
        long single = all.stream().filter(i -> i.flag() == CoverageFlag.SINGLE).count();
        List<CoverageItem> filtered = all.stream()
                .filter(i -> maxEligible == null || i.eligibleStaff() <= maxEligible).toList();
        List<CoverageItem> items = filtered.stream().skip((long) page.page * page.size).limit(page.size).toList();
        return new CoverageResponse(scope.rhf(), scope.hf(), scope.unit(), scope.validOn(), coverage.employees(), none,
                single, items, page.page, page.size, filtered.size());
    }
}
