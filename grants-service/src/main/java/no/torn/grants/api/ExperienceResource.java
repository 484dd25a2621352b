package no.torn.grants.api;

import no.torn.platform.api.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import no.torn.grants.api.ExperienceDtos.ExperienceRequest;
import no.torn.grants.api.ExperienceDtos.ExperienceView;
import no.torn.grants.api.ExperienceDtos.PublishRequest;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ExperienceReport;
import no.torn.grants.domain.ExperienceStatus;
import no.torn.grants.domain.PersonnelGroups;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @POST
    @Transactional
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(summary = "Write a draft experience report for an HF of the caller's RHF")
    public Response create(@Valid @NotNull ExperienceRequest request,
                           @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        String rhf = caller.rhf();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            ExperienceReport earlier = ExperienceReport.find("rhf = ?1 and idempotencyKey = ?2", rhf, idempotencyKey)
                    .firstResult();
            if (earlier != null) {
                return created(earlier);
            }
        }
        ExperienceReport e = new ExperienceReport();
        e.id = UUID.randomUUID();
        e.rhf = rhf;
        e.status = ExperienceStatus.DRAFT;
        e.createdBy = caller.id();
        e.createdAt = clock.instant();
        e.idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        apply(e, request);
        e.persist();
        ExperienceReport.flush();
        return created(e);
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(summary = "Change a draft experience report")
    public ExperienceView update(@PathParam("id") UUID id, @Valid @NotNull ExperienceRequest request) {
        ExperienceReport e = ownReport(id);
        if (request.version() == null) {
            throw ProblemException.invalid("version", "must not be null");
        }
        Access.requireVersion(request.version(), e.version);
        if (e.status != ExperienceStatus.DRAFT) {
            throw ProblemException.rule("Experience report " + id + " is published and can no longer change");
        }
        apply(e, request);
        ExperienceReport.flush();
        return ExperienceView.of(e);
    }

    @POST
    @Path("/{id}/publish")
    @Transactional
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(summary = "Publish a draft to every RHF")
    public ExperienceView publish(@PathParam("id") UUID id, @Valid @NotNull PublishRequest request) {
        ExperienceReport e = ownReport(id);
        Access.requireVersion(request.version(), e.version);
        if (e.status != ExperienceStatus.DRAFT) {
            throw ProblemException.rule("Experience report " + id + " is published already");
        }
        Access.actingFor(caller, e.hf, "hf");
        e.status = ExperienceStatus.PUBLISHED;
        e.publishedAt = clock.instant();
        e.updatedAt = e.publishedAt;
        ExperienceReport.flush();
        outbox.publish(GrantsEvents.EXPERIENCE_REPORT_PUBLISHED, e.id, e.rhf,
                new GrantsEvents.ExperienceReportPublished(e.id, e.rhf, e.hf, e.applicationId, e.title, e.fromGroup,
                        e.toGroup, List.of(e.taskCodes), e.year, e.publishedAt, e.version));
        return ExperienceView.of(e);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Read an experience report: published ones from any RHF, drafts only within their own")
    public ExperienceView get(@PathParam("id") UUID id) {
        ExperienceReport e = ExperienceReport.findById(id);
        if (e == null || e.status != ExperienceStatus.PUBLISHED && !caller.canSee(e.rhf)) {
            throw ProblemException.notFound("Experience report", id);
        }
        return ExperienceView.of(e);
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.EMPLOYEE,
            Roles.HR_INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Search experience reports (Norwegian full text in q; filters personnelGroup, task, hf, "
            + "rhf, year). Published reports of every RHF by default; status=DRAFT lists the caller's RHF's drafts")
    public Page<ExperienceView> search(
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("personnelGroup") @Pattern(regexp = PersonnelGroups.PATTERN,
                    message = ApplicationDtos.GROUP_MESSAGE) String personnelGroup,
            @QueryParam("task") @Size(max = 60) String task,
            @QueryParam("hf") @Size(max = 60) String hf,
            @QueryParam("rhf") String rhf,
            @QueryParam("year") String yearParam,
            @QueryParam("status") String statusParam,
            @Valid @BeanParam PageRequest pageRequest) {
        Integer year = QueryParams.integer(yearParam, "year");
        ExperienceStatus status = QueryParams.enumOf(ExperienceStatus.class, statusParam, "status");
        ExperienceStatus wanted = status == null ? ExperienceStatus.PUBLISHED : status;
        StringBuilder where = new StringBuilder(" where e.status = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("status", wanted.name());
        String scopedRhf = rhf == null || rhf.isBlank() ? null : rhf;
        if (scopedRhf != null && HealthRegion.fromCode(scopedRhf).isEmpty()) {
            throw ProblemException.invalid("rhf", "unknown RHF " + scopedRhf);
        }
        if (wanted == ExperienceStatus.DRAFT) {
            scopedRhf = caller.scopeForQuery(scopedRhf).orElse(null);
        }
        if (scopedRhf != null) {
            where.append(" and e.rhf = :rhf");
            params.put("rhf", scopedRhf);
        }
        boolean text = q != null && !q.isBlank();
        if (text) {
            where.append(" and e.search @@ websearch_to_tsquery('norwegian', :q)");
            params.put("q", q);
        }
        if (personnelGroup != null) {
            where.append(" and (e.from_group = :group or e.to_group = :group)");
            params.put("group", personnelGroup);
        }
        if (task != null && !task.isBlank()) {
            where.append(" and e.task_codes @> array[cast(:task as text)]");
            params.put("task", task);
        }
        if (hf != null && !hf.isBlank()) {
            where.append(" and e.hf = :hf");
            params.put("hf", hf);
        }
        if (year != null) {
            where.append(" and e.year = :year");
            params.put("year", year);
        }
        List<String> ids;
        long total;
        if (text) {
            // Ranking reads every match anyway, so one scan yields the page and the total (window count). The rank is
            // computed in the scan, behind an "offset 0" fence, so the window carries (id, rank, date) and not the
            // whole row with its text vector, which made it spill to disk.
            var pageQuery = em.createNativeQuery("select m.id, count(*) over () from (select cast(e.id as text) as id,"
                    + " ts_rank(e.search, websearch_to_tsquery('norwegian', :q)) as rank, e.published_at"
                    + " from experience_report e" + where + " offset 0) m"
                    + " order by m.rank desc, m.published_at desc, m.id");
            params.forEach(pageQuery::setParameter);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = pageQuery.setFirstResult(pageRequest.page * pageRequest.size)
                    .setMaxResults(pageRequest.size).getResultList();
            ids = rows.stream().map(r -> (String) r[0]).toList();
            total = rows.isEmpty() ? (pageRequest.page == 0 ? 0 : count(where, params))
                    : ((Number) rows.get(0)[1]).longValue();
        } else {
            // Newest first straight from the (status, published_at, updated_at, id) index, and a separate count.
            var pageQuery = em.createNativeQuery("select cast(e.id as text) from experience_report e" + where
                    + " order by e.published_at desc nulls last, e.updated_at desc, e.id");
            params.forEach(pageQuery::setParameter);
            @SuppressWarnings("unchecked")
            List<String> page = pageQuery.setFirstResult(pageRequest.page * pageRequest.size)
                    .setMaxResults(pageRequest.size).getResultList();
            ids = page;
            total = count(where, params);
        }
        List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
        Map<UUID, ExperienceReport> byId = uuids.isEmpty() ? Map.of()
                : ExperienceReport.<ExperienceReport>list("id in ?1", uuids).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<ExperienceView> items = new ArrayList<>(uuids.size());
        for (UUID id : uuids) {
            items.add(ExperienceView.of(byId.get(id)));
        }
        return new Page<>(items, pageRequest.page, pageRequest.size, total);
    }

    private long count(StringBuilder where, Map<String, Object> params) {
        var countQuery = em.createNativeQuery("select count(*) from experience_report e" + where);
        params.forEach(countQuery::setParameter);
        return ((Number) countQuery.getSingleResult()).longValue();
    }

    private void apply(ExperienceReport e, ExperienceRequest request) {
        e.hf = Access.actingFor(caller, request.hf(), "hf");
        if (request.applicationId() != null) {
            Application a = Application.findById(request.applicationId());
            if (a == null || !a.rhf.equals(e.rhf)) {
                throw ProblemException.rule("Application " + request.applicationId() + " was not found");
            }
        }
        if (request.fromGroup().equals(request.toGroup())) {
            throw ProblemException.invalid("toGroup", "must differ from fromGroup");
        }
        Instant now = clock.instant();
        e.applicationId = request.applicationId();
        e.title = request.title();
        e.fromGroup = request.fromGroup();
        e.toGroup = request.toGroup();
        e.taskCodes = request.taskCodes() == null ? new String[0]
                : request.taskCodes().stream().distinct().toArray(String[]::new);
        e.summary = request.summary();
        e.results = request.results() == null ? "" : request.results();
        e.lessons = request.lessons() == null ? "" : request.lessons();
        e.pitfalls = request.pitfalls() == null ? "" : request.pitfalls();
        e.contact = request.contact() == null ? "" : request.contact();
        e.year = request.year() == null ? now.atZone(ZoneOffset.UTC).getYear() : request.year();
        e.updatedAt = now;
    }

    /** A report of the caller's own RHF (404 otherwise), for writes. */
    private ExperienceReport ownReport(UUID id) {
        ExperienceReport e = ExperienceReport.findById(id);
        if (e == null || !caller.rhf().equals(e.rhf)) {
            throw ProblemException.notFound("Experience report", id);
        }
        return e;
    }

    private Response created(ExperienceReport e) {
        return Response.created(URI.create("/api/v1/experience/reports/" + e.id)).entity(ExperienceView.of(e))
                .build();
    }
}
