package no.torn.grants.application;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.Organisations;
import no.torn.grants.domain.ProjectKind;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Published awards: granted (and completed) projects the RHF has published, readable by every authenticated TØRN user
 * of any RHF and, as open data, without a token. Only public facts are shown: no person's name or id, no contact
 * details, no review comments.
 */
@ApplicationScoped
public class Awards {

    public record Award(UUID applicationId, UUID roundId, int year, String programme, String rhf, String rhfName,
                        String hf, String hfName, String title, String department, String description,
                        String fromGroup, String toGroup, List<String> taskCodes, ProjectKind kind, long amount,
                        Instant awardedAt, boolean completed, Instant publishedAt) {
    }

    private static final Sort ORDER = Sort.by("rhf").and("hf").and("title").and("id");

    /** One page of the award list; {@code rhf}, {@code year} and {@code hf} narrow it when given. */
    public Page<Award> list(String rhf, Integer year, String hf, PageRequest page) {
        Filter filter = filter(rhf, year, hf);
        Map<UUID, GrantRound> rounds = new HashMap<>();
        return Page.of(Application.find(filter.hql, ORDER, filter.params), page,
                a -> award((Application) a, rounds));
    }

    /** The whole published award list, narrowed like {@link #list}, for the CSV and 360Giving exports. */
    public List<Award> all(String rhf, Integer year, String hf) {
        Filter filter = filter(rhf, year, hf);
        Map<UUID, GrantRound> rounds = new HashMap<>();
        return Application.<Application>list(filter.hql, ORDER, filter.params).stream()
                .map(a -> award(a, rounds)).toList();
    }

    private record Filter(String hql, Map<String, Object> params) {
    }

    /**
     * When the public list narrowed like {@link #list} last changed: an award published, withdrawn or completed. Null
     * when nothing was ever published there.
     */
    public Instant lastModified(String rhf, Integer year, String hf) {
        Filter scope = scope(new StringBuilder("publicChangedAt is not null"), new HashMap<>(), rhf, year, hf);
        Instant changed = Application.find("select max(publicChangedAt) from Application where " + scope.hql,
                scope.params).project(Instant.class).firstResult();
        Filter published = filter(rhf, year, hf);
        Instant closed = Application.find("select max(closedAt) from Application where " + published.hql,
                published.params).project(Instant.class).firstResult();
        if (changed == null || closed != null && closed.isAfter(changed)) {
            return closed;
        }
        return changed;
    }

    private static Filter filter(String rhf, Integer year, String hf) {
        StringBuilder q = new StringBuilder("status in :statuses and publishedAt is not null");
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", List.of(ApplicationStatus.GRANTED, ApplicationStatus.CLOSED));
        return scope(q, params, rhf, year, hf);
    }

    private static Filter scope(StringBuilder q, Map<String, Object> params, String rhf, Integer year, String hf) {
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
        return new Filter(q.toString(), params);
    }

    private static Award award(Application a, Map<UUID, GrantRound> rounds) {
        GrantRound r = rounds.computeIfAbsent(a.roundId, id -> GrantRound.findById(id));
        return new Award(a.id, a.roundId, r.year, r.programme, a.rhf, Organisations.name(a.rhf), a.hf,
                Organisations.name(a.hf), a.title, a.department, a.description, a.fromGroup, a.toGroup,
                List.of(a.taskCodes), a.kind, a.grantedAmount == null ? 0 : a.grantedAmount, a.decidedAt,
                a.status == ApplicationStatus.CLOSED, a.publishedAt);
    }
}
