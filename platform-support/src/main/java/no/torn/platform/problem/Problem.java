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
public record Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://torn.no/problems/";

    /** One invalid input: {@code field} is the JSON path of the offending value (or the query parameter name). */
    public record Violation(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(URI.create(TYPE_BASE + type.slug()), type.title(), type.status(), detail, null, List.of());
    }

    public static Problem of(ProblemType type, String detail, List<Violation> violations) {
        return new Problem(URI.create(TYPE_BASE + type.slug()), type.title(), type.status(), detail, null,
                violations == null ? List.of() : List.copyOf(violations));
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
