package no.torn.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every exception that leaves a resource into RFC 9457 problem+json. Bad input is always a 4xx naming the
 * field; anything unexpected is a 500 with an error id for the logs and never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        return Problem.of(ProblemType.VALIDATION, "The request has invalid fields", violations(e)).toResponse();
    }

    /** Declared for the exact Jackson types, or Quarkus' built-in mappers for them would answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping.getPath());
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known property";
            } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
                message = describeExpected(invalid.getTargetType());
            } else if (mapping.getOriginalMessage() != null && mapping.getOriginalMessage().startsWith("must be")) {
                message = mapping.getOriginalMessage();
            } else {
                message = "has the wrong type or shape";
            }
            return Problem.of(ProblemType.VALIDATION, field + ": " + message,
                    List.of(new Problem.Violation(field, message))).toResponse();
        }
        return Problem.of(ProblemType.MALFORMED, "The request body is not valid JSON").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted (bad UUID, date, number or enum
            // value); for a client that is invalid input, not a missing resource.
            return Problem.of(ProblemType.VALIDATION, "A path or query parameter has an invalid value").toResponse();
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 404 ? "No resource at this address" : safeMessage(e, type);
        Response.ResponseBuilder builder = Response.fromResponse(Problem.of(type, detail).toResponse());
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("Retry-After")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required").toResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required").toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this operation").toResponse();
    }

    @ServerExceptionMapper
    public Response any(Throwable e) {
        // Persistence failures surface wrapped (RollbackException, PersistenceException): look at the causes.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem.problem().toResponse();
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Problem.of(ProblemType.STALE_VERSION,
                        "The resource was changed concurrently; read it again and retry").toResponse();
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException constraint) {
                return Problem.of(ProblemType.CONFLICT, "The request conflicts with existing data"
                        + (constraint.getConstraintName() == null ? "" : " (" + constraint.getConstraintName() + ")"))
                        .toResponse();
            }
            if (cause instanceof ConstraintViolationException violation) {
                return validation(violation);
            }
        }
        return unexpected(e);
    }

    private static Response unexpected(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return Problem.of(ProblemType.INTERNAL, "Unexpected error; quote error id " + errorId).toResponse();
    }

    private static String safeMessage(WebApplicationException e, ProblemType type) {
        String message = e.getMessage();
        // JAX-RS default messages are generic ("HTTP 405 Method Not Allowed"); keep them short and free of internals.
        return message == null || message.isBlank() || message.contains("Exception") ? type.title() : message;
    }

    static List<Problem.Violation> violations(ConstraintViolationException e) {
        List<Problem.Violation> result = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            result.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        result.sort(Comparator.comparing(Problem.Violation::field));
        return result;
    }

    /**
     * "create.request.items[2].code" becomes "items[2].code" and "list.page.size" becomes "size": method names and
     * the names of body or bean parameters mean nothing to a client; a plain query parameter keeps its own name.
     */
    private static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        boolean afterParameter = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> { }
                case PARAMETER -> {
                    names.clear();
                    names.add(node.getName());
                    afterParameter = true;
                }
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (afterParameter) {
                        names.clear();
                        afterParameter = false;
                    }
                    String name = node.getName() == null ? "" : node.getName();
                    if (node.getIndex() != null) {
                        name = (names.isEmpty() ? "" : names.remove(names.size() - 1)) + "[" + node.getIndex() + "]"
                                + (name.isEmpty() ? "" : "." + name);
                    }
                    names.add(name);
                }
                default -> names.add(node.getName());
            }
        }
        return names.stream().filter(n -> n != null && !n.isEmpty()).collect(Collectors.joining("."));
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String describeExpected(Class<?> target) {
        if (target.isEnum()) {
            Object[] constants = target.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object c : constants) {
                names.add(String.valueOf(c));
            }
            return "must be one of " + names;
        }
        return "must be a valid " + target.getSimpleName();
    }
}
