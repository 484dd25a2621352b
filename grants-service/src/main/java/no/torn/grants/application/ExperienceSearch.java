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
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Searching the arena: Norwegian full text (PostgreSQL's {@code norwegian} configuration over the stored, weighted
 * {@code search} vector) ranked by ts_rank with highlighted snippets (ts_headline), or the newest first when there is
 * no search term.
 */
@ApplicationScoped
public class ExperienceSearch {

    /**
     * The filters of a search; null means "any".
     *
     * @param rhf the RHF to search in; for drafts the caller's own (a national admin's choice), never null for them
     */
    public record Query(ExperienceStatus status, String q, String personnelGroup, String fromGroup, String toGroup,
                        String task, String hf, String rhf, Integer year) {
    }

    /** How a report matched a search term: its rank and a snippet with the matches marked. */
    public record Hit(double rank, String snippet) {
    }

    /**
     * The search term as a tsquery: websearch syntax ("phrases", or, -not) stemmed by the Norwegian snowball stemmer,
     * each stem of four letters or more matched as a prefix. The stemmer leaves definite plurals such as
     * "sykepleierne" as "sykepleiern" while "sykepleier" stems to "sykeplei"; the prefix match finds them, and the
     * ranking still puts exact forms first.
     */
    static final String TSQUERY = "cast(regexp_replace(cast(websearch_to_tsquery('norwegian', :q) as text),"
            + " '''([^'']{4,})''', '''\\1'':*', 'g') as tsquery)";

    /** The text a snippet is cut from, HTML-escaped so that only the <mark> tags of the matches are markup. */
    private static final String SNIPPET_TEXT = "replace(replace(replace(concat_ws(' … ', e.summary, nullif(e.results,"
            + " ''), nullif(e.lessons, ''), nullif(e.pitfalls, '')), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')";

    private static final String SNIPPET_OPTIONS = "StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=10,"
            + " MaxFragments=2, FragmentDelimiter=\" … \"";

    @Inject
    EntityManager em;

    /** One page of matches, each shown through {@code view}. */
    public <T> Page<T> search(Query query, PageRequest page, BiFunction<ExperienceReport, Hit, T> view) {
        StringBuilder where = new StringBuilder(" where e.status = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("status", query.status().name());
        if (query.rhf() != null) {
            where.append(" and e.rhf = :rhf");
            params.put("rhf", query.rhf());
        }
        boolean text = query.q() != null && !query.q().isBlank();
        if (text) {
            where.append(" and e.search @@ " + TSQUERY);
            params.put("q", query.q());
        }
        if (query.personnelGroup() != null) {
            where.append(" and (e.from_group = :group or e.to_group = :group)");
            params.put("group", query.personnelGroup());
        }
        if (query.fromGroup() != null) {
            where.append(" and e.from_group = :fromGroup");
            params.put("fromGroup", query.fromGroup());
        }
        if (query.toGroup() != null) {
            where.append(" and e.to_group = :toGroup");
            params.put("toGroup", query.toGroup());
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
        Map<String, Hit> hits = new HashMap<>();
        if (text) {
            // Ranking reads every match anyway, so one scan yields the page and the total (window count). The rank is
            // computed in the scan, behind an "offset 0" fence, so the window carries (id, rank, date) and not the
            // whole row with its text vector, which made it spill to disk.
            var pageQuery = em.createNativeQuery("select m.id, count(*) over (), m.rank from (select"
                    + " cast(e.id as text) as id, ts_rank(e.search, " + TSQUERY + ") as rank, e.published_at"
                    + " from experience_report e" + where + " offset 0) m"
                    + " order by m.rank desc, m.published_at desc, m.id");
            params.forEach(pageQuery::setParameter);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = pageQuery.setFirstResult(page.page * page.size)
                    .setMaxResults(page.size).getResultList();
            ids = rows.stream().map(r -> (String) r[0]).toList();
            total = rows.isEmpty() ? (page.page == 0 ? 0 : count(where, params))
                    : ((Number) rows.get(0)[1]).longValue();
            Map<String, String> snippets = snippets(ids, query.q());
            for (Object[] r : rows) {
                hits.put((String) r[0], new Hit(((Number) r[2]).doubleValue(), snippets.get((String) r[0])));
            }
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
            items.add(view.apply(byId.get(id), hits.get(id.toString())));
        }
        return new Page<>(items, page.page, page.size, total);
    }

    /** Highlighted snippets of one page of matches only: ts_headline re-parses the text, so never for every match. */
    private Map<String, String> snippets(List<String> ids, String q) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var snippetQuery = em.createNativeQuery("select cast(e.id as text), ts_headline('norwegian', " + SNIPPET_TEXT
                + ", " + TSQUERY + ", '" + SNIPPET_OPTIONS + "') from experience_report e"
                + " where cast(e.id as text) in (:ids)");
        snippetQuery.setParameter("ids", ids).setParameter("q", q);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = snippetQuery.getResultList();
        Map<String, String> snippets = new HashMap<>();
        for (Object[] r : rows) {
            snippets.put((String) r[0], (String) r[1]);
        }
        return snippets;
    }

    private long count(StringBuilder where, Map<String, Object> params) {
        var countQuery = em.createNativeQuery("select count(*) from experience_report e" + where);
        params.forEach(countQuery::setParameter);
        return ((Number) countQuery.getSingleResult()).longValue();
    }
}
