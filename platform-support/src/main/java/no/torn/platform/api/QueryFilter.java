package no.torn.platform.api;

import java.util.HashMap;
import java.util.Map;

/**
 * The where clause of a filtered list query: each optional filter a client sets becomes {@code field = :field};
 * filters left out (null or blank) are skipped. Field names are entity attributes, never client input.
 */
public final class QueryFilter {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    public QueryFilter eq(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return this;
        }
        where.append(" and ").append(field).append(" = :").append(field);
        params.put(field, value);
        return this;
    }

    public String where() {
        return where.toString();
    }

    public Map<String, Object> params() {
        return params;
    }
}
