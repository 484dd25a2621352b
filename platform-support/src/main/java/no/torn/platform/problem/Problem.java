package no.torn.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details. Every error the platform returns has this shape, so integrators need one error parser.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations,
                      List<UnmetRule> rules) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://torn.no/problems/";
    private static final String RULE_BASE = "https://torn.no/rules/";

    /** One invalid input: {@code field} is the JSON path of the offending value (or the query parameter name). */
    public record Violation(String field, String message) {
    }

    /**
     * One soundness rule a command did not meet: its code in the rule catalogue (docs/rules.md), what was unmet, and
     * the request field it concerns when there is one.
     */
    public record UnmetRule(String rule, String detail, String field) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(URI.create(TYPE_BASE + type.slug()), type.title(), type.status(), detail, null, List.of(),
                List.of());
    }

    /**
     * A 422 refusal naming every unmet rule; its {@code type} names the first rule
     * ({@code https://torn.no/rules/R-...}) so a client can branch on it without reading the body.
     */
    public static Problem rules(List<UnmetRule> unmet) {
        if (unmet.isEmpty()) {
            throw new IllegalArgumentException("a rule refusal needs at least one unmet rule");
        }
        String detail = unmet.size() == 1 ? unmet.get(0).detail()
                : unmet.size() + " rules are not met: " + String.join("; ",
                unmet.stream().map(r -> r.rule() + " " + r.detail()).toList());
        return new Problem(URI.create(RULE_BASE + unmet.get(0).rule()), ProblemType.RULE_VIOLATION.title(),
                ProblemType.RULE_VIOLATION.status(), detail, null, List.of(), List.copyOf(unmet));
    }

    public static Problem of(ProblemType type, String detail, List<Violation> violations) {
        return new Problem(URI.create(TYPE_BASE + type.slug()), type.title(), type.status(), detail, null,
                violations == null ? List.of() : List.copyOf(violations), List.of());
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
