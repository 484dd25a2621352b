package no.torn.platform.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The where clause of a filtered list query. Each optional filter a client sets becomes {@code field = :param};
 * filters left out (null or blank) are skipped. Field names and clauses are code, never client input; values are
 * always bound as parameters.
 */
public final class QueryFilter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** {@code field = :field} when a value is given. */
    public QueryFilter eq(String field, Object value) {
        return eq(field, field, value);
    }

    /** {@code field = :param} when a value is given; for paths such as {@code employee.id}. */
    public QueryFilter eq(String field, String param, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return this;
        }
        return clause(field + " = :" + param, param, value);
    }

    /** Any clause with one bound parameter, e.g. {@code lower(name) like :q}. */
    public QueryFilter clause(String clause, String param, Object value) {
        clauses.add(clause);
        params.put(param, value);
        return this;
    }

    /** A clause without parameters, e.g. {@code rhf is null}. */
    public QueryFilter raw(String clause) {
        clauses.add(clause);
        return this;
    }

    public String where() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public String where(String orderBy) {
        return where() + " order by " + orderBy;
    }

    public Map<String, Object> params() {
        return params;
    }
}
