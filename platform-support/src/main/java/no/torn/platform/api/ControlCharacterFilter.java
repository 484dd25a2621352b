package no.torn.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemType;

import java.util.List;
import java.util.Map;

/**
 * No path segment or query value may carry a control character (a percent-encoded NUL reaches the database as an
 * invalid string and would be a 500): such a request is a 400 problem naming where the character was found.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class ControlCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String where = find(request.getUriInfo().getPath(), request.getUriInfo().getQueryParameters());
        if (where != null) {
            request.abortWith(Problem.of(ProblemType.VALIDATION, where + ": must not contain control characters",
                    List.of(new Problem.Violation(where, "must not contain control characters"))).toResponse());
        }
    }

    /** @return "path" or the name of the offending query parameter; null when the request is clean */
    static String find(String decodedPath, MultivaluedMap<String, String> decodedQuery) {
        if (hasControl(decodedPath)) {
            return "path";
        }
        for (Map.Entry<String, List<String>> e : decodedQuery.entrySet()) {
            if (hasControl(e.getKey())) {
                return "query";
            }
            for (String value : e.getValue()) {
                if (hasControl(value)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    static boolean hasControl(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
