package no.torn.competence.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a Panache where-clause from optional filters. */
final class Filter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    Filter eq(String field, String param, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            clauses.add(field + " = :" + param);
            params.put(param, value);
        }
        return this;
    }

    Filter clause(String clause, String param, Object value) {
        clauses.add(clause);
        params.put(param, value);
        return this;
    }

    Filter raw(String clause) {
        clauses.add(clause);
        return this;
    }

    String query(String orderBy) {
        return (clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses)) + " order by " + orderBy;
    }

    Map<String, Object> params() {
        return params;
    }
}
