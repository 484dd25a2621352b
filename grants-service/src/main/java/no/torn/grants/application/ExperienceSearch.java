package no.torn.grants.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.grants.domain.ExperienceReport;
import no.torn.grants.domain.ExperienceStatus;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Searching the arena: Norwegian full text ranked by relevance, or the newest first when there is no search term. */
@ApplicationScoped
public class ExperienceSearch {

    /**
     * The filters of a search; null means "any".
     *
     * @param rhf the RHF to search in; for drafts the caller's own (a national admin's choice), never null for them
     */
    public record Query(ExperienceStatus status, String q, String personnelGroup, String task, String hf, String rhf,
                        Integer year) {
    }

    @Inject
    EntityManager em;

    /** One page of matches, each shown through {@code view}. */
    public <T> Page<T> search(Query query, PageRequest page, Function<ExperienceReport, T> view) {
        StringBuilder where = new StringBuilder(" where e.status = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("status", query.status().name());
        if (query.rhf() != null) {
            where.append(" and e.rhf = :rhf");
            params.put("rhf", query.rhf());
        }
        boolean text = query.q() != null && !query.q().isBlank();
        if (text) {
            where.append(" and e.search @@ websearch_to_tsquery('norwegian', :q)");
            params.put("q", query.q());
        }
        if (query.personnelGroup() != null) {
            where.append(" and (e.from_group = :group or e.to_group = :group)");
            params.put("group", query.personnelGroup());
        }
        if (query.task() != null && !query.task().isBlank()) {
            where.append(" and e.task_codes @> array[cast(:task as text)]");
            params.put("task", query.task());
        }
        if (query.hf() != null && !query.hf().isBlank()) {
            where.append(" and e.hf = :hf");
            params.put("hf", query.hf());
        }
        if (query.year() != null) {
            where.append(" and e.year = :year");
            params.put("year", query.year());
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
            List<Object[]> rows = pageQuery.setFirstResult(page.page * page.size)
                    .setMaxResults(page.size).getResultList();
            ids = rows.stream().map(r -> (String) r[0]).toList();
            total = rows.isEmpty() ? (page.page == 0 ? 0 : count(where, params))
                    : ((Number) rows.get(0)[1]).longValue();
        } else {
            // Newest first straight from the (status, published_at, updated_at, id) index, and a separate count.
            var pageQuery = em.createNativeQuery("select cast(e.id as text) from experience_report e" + where
                    + " order by e.published_at desc nulls last, e.updated_at desc, e.id");
            params.forEach(pageQuery::setParameter);
            @SuppressWarnings("unchecked")
            List<String> found = pageQuery.setFirstResult(page.page * page.size)
                    .setMaxResults(page.size).getResultList();
            ids = found;
            total = count(where, params);
        }
        List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
        Map<UUID, ExperienceReport> byId = uuids.isEmpty() ? Map.of()
                : ExperienceReport.<ExperienceReport>list("id in ?1", uuids).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<T> items = new ArrayList<>(uuids.size());
        for (UUID id : uuids) {
            items.add(view.apply(byId.get(id)));
        }
        return new Page<>(items, page.page, page.size, total);
    }

    private long count(StringBuilder where, Map<String, Object> params) {
        var countQuery = em.createNativeQuery("select count(*) from experience_report e" + where);
        params.forEach(countQuery::setParameter);
        return ((Number) countQuery.getSingleResult()).longValue();
    }
}
