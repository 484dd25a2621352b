package no.torn.competence.api;

import no.torn.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The service's path root and the parsing of query parameters into 400s that name the parameter. */
final class Paths {

    static final String ROOT = "/api/v1/competence";

    private Paths() {
    }

    /** Accepts {@code codes=A&codes=B} as well as {@code codes=A,B}. */
    static List<String> codes(List<String> values, String param) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        codes.add(part.strip());
                    }
                }
            }
        }
        if (codes.isEmpty()) {
            throw ProblemException.invalid(param, "must name at least one competence code");
        }
        if (codes.size() > 20) {
            throw ProblemException.invalid(param, "must name at most 20 competence codes");
        }
        return new ArrayList<>(codes);
    }
}
