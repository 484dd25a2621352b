package no.torn.task.api;

import no.torn.platform.api.QueryParams;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.problem.Problem;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.task.api.TaskDtos.CreateTaskRequest;
import no.torn.task.api.TaskDtos.PersonnelGroupResponse;
import no.torn.task.api.TaskDtos.TaskResponse;
import no.torn.task.api.TaskDtos.UpdateTaskRequest;
import no.torn.task.api.TaskDtos.VersionRequest;
import no.torn.task.application.StaffEligibility;
import no.torn.task.application.TaskCatalogue;
import no.torn.task.domain.CompetenceTypeView;
import no.torn.task.domain.SharingDecision;
import no.torn.task.domain.SupervisionLevel;
import no.torn.task.domain.PersonnelGroups;
import no.torn.task.domain.RiskLevel;
import no.torn.task.domain.Task;
import no.torn.task.domain.TaskCategory;
import no.torn.task.domain.TaskStatus;
import no.torn.platform.application.Idempotency;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Task catalogue: national tasks, RHF-local tasks and variants, eligible staff")
public class TaskResource {

    @Inject
    TaskCatalogue catalogue;

    @Inject
    PersonnelGroups groups;

    @Inject
    StaffEligibility eligibility;

    @Inject
    Caller caller;

    public enum ScopeFilter {
        NATIONAL, RHF
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "listTasks",
                summary = "List tasks: national ones and those of your RHF; filter by category, risk, status, scope, "
            + "competence, text, or flagged", description = "flagged=true lists the tasks that require a competence "
            + "type since retired or deleted in competence-service (retiredCompetences not empty); flagged=false "
            + "those that do not.")
    @APIResponse(responseCode = "200", description = "a page of tasks")
    @APIResponse(responseCode = "400", description = "a filter value is invalid (the problem names it)",
            content = @Content(mediaType = "application/problem+json"))
    public Page<TaskResponse> list(@BeanParam @Valid PageRequest page,
                                   @Parameter(description = "Filter by category: CLINICAL, MEDICATION, LOGISTICS, "
                                           + "SERVICE_MEALS, CLEANING, ADMINISTRATIVE",
                                           example = "CLINICAL")
                                   @QueryParam("category") String categoryParam,
                                   @Parameter(description = "Filter by riskLevel: LOW, MEDIUM, HIGH", example = "LOW")
                                   @QueryParam("riskLevel") String riskParam,
                                   @Parameter(description = "Filter by status: ACTIVE, RETIRED", example = "ACTIVE")
                                   @QueryParam("status") String statusParam,
                                   @Parameter(description = "Filter by scope: NATIONAL, RHF", example = "NATIONAL")
                                   @QueryParam("scope") String scopeParam,
                                   @QueryParam("competence") String competence,
                                   @QueryParam("requiresHealthProfessional") Boolean requiresHealthProfessional,
                                   @QueryParam("q") @Size(max = 100) String text,
                                   @QueryParam("flagged") String flaggedParam,
                                   @QueryParam("rhf") String rhf) {
        Boolean flagged = QueryParams.bool(flaggedParam, "flagged");
        TaskCategory category = QueryParams.enumOf(TaskCategory.class, categoryParam, "category");
        RiskLevel riskLevel = QueryParams.enumOf(RiskLevel.class, riskParam, "riskLevel");
        TaskStatus status = QueryParams.enumOf(TaskStatus.class, statusParam, "status");
        ScopeFilter scope = QueryParams.enumOf(ScopeFilter.class, scopeParam, "scope");
        QueryFilter filter = new QueryFilter();
        var tenant = caller.scopeForQuery(rhf);
        if (tenant.isPresent()) {
            // National tasks are everyone's catalogue; RHF-local tasks only their own RHF's.
            if (scope == ScopeFilter.NATIONAL) {
                filter.raw("rhf is null");
            } else {
                filter.clause(scope == ScopeFilter.RHF ? "rhf = :rhf" : "(rhf is null or rhf = :rhf)", "rhf",
                        tenant.get());
            }
        } else if (scope != null) {
            filter.raw(scope == ScopeFilter.NATIONAL ? "rhf is null" : "rhf is not null");
        }
        filter.eq("category", category).eq("riskLevel", riskLevel).eq("status", status)
                .eq("requiresHealthProfessional", "hp", requiresHealthProfessional);
        if (competence != null && !competence.isBlank()) {
            filter.clause(":competence member of requiredCompetences", "competence", competence);
        }
        if (flagged != null) {
            // A retired or deleted type is kept in the read model with status RETIRED.
            filter.raw("id " + (flagged ? "" : "not ") + "in (select f.id from Task f join f.requiredCompetences rc "
                    + "where rc in (select ct.code from CompetenceTypeView ct where ct.status = 'RETIRED'))");
        }
        if (text != null && !text.isBlank()) {
            filter.clause("(lower(title) like :text or lower(code) like :text)", "text",
                    "%" + text.toLowerCase().replace("%", "") + "%");
        }
        var retired = CompetenceTypeView.retiredCodes();
        return Page.of(Task.<Task>find(filter.where(), Sort.by("code"), filter.params()), page,
                t -> TaskResponse.of(t, retired));
    }

    @GET
    @Path("/personnel-groups")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "listTaskPersonnelGroups",
                summary = "Personnel groups (professions) and whether each is an authorised health profession")
    public List<PersonnelGroupResponse> personnelGroups() {
        return groups.sorted().stream()
                .map(g -> new PersonnelGroupResponse(g.code, g.name, g.healthProfession)).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(operationId = "getTask", summary = "Read a task by code")
    public TaskResponse get(@PathParam("code") String code) {
        return TaskResponse.of(catalogue.visible(caller.actor(), code));
    }

    @POST
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN})
    @Operation(operationId = "createTask",
                summary = "Register a task: national (national admin) or local to your RHF, optionally a variant of "
            + "a national task (RHF admin)", description = "Every required competence is a type of "
            + "competence-service's catalogue, national or of the task's RHF (a national task: national types "
            + "only), and not retired (R-CAT-01). A type created in competence-service is known to the task "
            + "catalogue within seconds, once its competence-type-defined event has arrived.")
    @APIResponse(responseCode = "201", description = "the registered task",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "400", description = "invalid body (the problem names the field)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "a broken rule: R-CAT-01 names each requiredCompetences[i] "
            + "that is unknown, another RHF's or retired", content = @Content(mediaType = "application/problem+json"))
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    public Response create(@Valid @NotNull CreateTaskRequest request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Task task = catalogue.register(caller.actor(), idempotencyKey, request.registration());
        return Response.created(URI.create("/api/v1/tasks/" + task.code)).entity(TaskResponse.of(task)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN})
    @Operation(operationId = "updateTask",
                summary = "Change a task (body carries the version read)", description = "Required competences as "
            + "on registration (R-CAT-01): a retired type must be removed before the task is changed otherwise.")
    @APIResponse(responseCode = "200", description = "the changed task")
    @APIResponse(responseCode = "404", description = "no such task, or another RHF's",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "stale version, or the task is retired",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "a broken rule, e.g. R-CAT-01 per requiredCompetences[i]",
            content = @Content(mediaType = "application/problem+json"))
    public TaskResponse update(@PathParam("code") String code, @Valid @NotNull UpdateTaskRequest request) {
        return TaskResponse.of(catalogue.update(caller.actor(), code, request.version(),
                request.definition()));
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN})
    @Operation(operationId = "retireTask", summary = "Retire a task")
    public TaskResponse retire(@PathParam("code") String code, @Valid @NotNull VersionRequest request) {
        return TaskResponse.of(catalogue.retire(caller.actor(), code, request.version()));
    }

    /** Why a person is eligible: the task's own requirements, or an approved sharing mapping. */
    public enum Reason {
        TASK_REQUIREMENTS, SHARING_MAPPING
    }

    /**
     * An eligible person: {@code basis} TASK (the task's own requirements) or MAPPING (the approved sharing mapping
     * {@code mappingId}, from {@code mappingFromGroup}, under {@code supervisionLevel}); {@code reason} says the
     * same in the older vocabulary.
     */
    public record EligibleStaffResponse(UUID employeeId, String employeeNumber, String personnelGroup,
                                        Reason reason, SharingDecision.Basis basis, UUID mappingId,
                                        String mappingFromGroup, SupervisionLevel supervisionLevel,
                                        List<StaffEligibility.ExpiringCompetence> expiringCompetences) {
        static EligibleStaffResponse of(StaffEligibility.EligibleEmployee e) {
            boolean mapped = e.basis() == SharingDecision.Basis.MAPPING;
            return new EligibleStaffResponse(e.employeeId(), e.employeeNumber(), e.personnelGroup(),
                    mapped ? Reason.SHARING_MAPPING : Reason.TASK_REQUIREMENTS, e.basis(),
                    mapped ? e.mapping().id() : null, mapped ? e.mapping().fromGroup() : null, e.supervision(),
                    e.expiringCompetences());
        }
    }

    /**
     * The sharing decision about a personnel group for a task in an RHF: {@code rules} lists every unmet rule (in
     * catalogue order), {@code basis} is TASK or MAPPING (with the applied mapping) when allowed.
     */
    public record SharingDecisionResponse(String taskCode, String rhf, String group, boolean allowed,
                                          List<Problem.UnmetRule> rules, SharingDecision.Basis basis,
                                          UUID mappingId, SupervisionLevel supervisionLevel) {
        static SharingDecisionResponse of(StaffEligibility.GroupDecision d) {
            SharingDecision.Outcome o = d.outcome();
            return new SharingDecisionResponse(d.task().code, d.rhf(), d.group(), o.allowed(), o.unmet(), o.basis(),
                    o.applied() == null ? null : o.applied().id(), o.supervision());
        }
    }

    @GET
    @Path("/{code}/sharing-decision")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "getSharingDecision",
                summary = "May a personnel group perform the task in an RHF (default: yours), and under which "
            + "conditions: the sharing decision about the group (rules R-SHARE-01..05), with every unmet rule, the "
            + "basis (TASK or MAPPING with the approved mapping) and the supervision")
    public SharingDecisionResponse sharingDecision(@PathParam("code") String code,
                                                   @QueryParam("group") @NotBlank String group,
                                                   @QueryParam("rhf") String rhf) {
        return SharingDecisionResponse.of(eligibility.groupDecision(caller.actor(), code, group, rhf));
    }

    public record EligibleStaffPage(String taskCode, String rhf, String hf, String unit, LocalDate validOn,
                                    List<EligibleStaffResponse> items, int page, int size, long total) {
    }

    @GET
    @Path("/{code}/eligible-staff")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.UNIT_LEADER, Roles.HF_HR, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "listEligibleStaff",
                summary = "Employees of a unit who may perform the task on a date: valid competences (implied ones "
            + "included) cover the task's and, for a receiving group, its approved mapping's requirements; a group "
            + "the RHF has a mapping to in any status performs the task only through an approved one (the sharing "
            + "decision, rules R-SHARE-01..05 and R-COMP-01). Each carries its basis (TASK or MAPPING with the "
            + "mapping id and supervision) and the relevant competences expiring within 90 days")
    public EligibleStaffPage eligibleStaff(@PathParam("code") String code,
                                           @QueryParam("hf") @NotBlank String hf,
                                           @QueryParam("unit") @NotBlank @Size(max = 120) String unit,
                                           @QueryParam("validOn") String validOn,
                                           @BeanParam @Valid PageRequest page) {
        StaffEligibility.EligibleStaff staff = eligibility.eligibleStaff(caller.actor(), code, hf, unit,
                QueryParams.date(validOn, "validOn", null));
        List<EligibleStaffResponse> items = staff.employees().stream().skip((long) page.page * page.size)
                .limit(page.size)
                .map(EligibleStaffResponse::of)
                .toList();
        StaffEligibility.UnitScope scope = staff.scope();
        return new EligibleStaffPage(staff.task().code, scope.rhf(), scope.hf(), scope.unit(), scope.validOn(),
                items, page.page, page.size, staff.employees().size());
    }
}
