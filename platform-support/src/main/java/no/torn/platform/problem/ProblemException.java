package no.torn.platform.problem;

import java.util.List;

/**
 * Thrown by domain and API code to answer with a specific problem. Domain rules use {@link #rule}, which maps to 422.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, what + " " + id + " was not found"));
    }

    public static ProblemException rule(String detail) {
        return new ProblemException(Problem.of(ProblemType.RULE_VIOLATION, detail));
    }

    public static ProblemException rule(String detail, List<Problem.Violation> violations) {
        return new ProblemException(Problem.of(ProblemType.RULE_VIOLATION, detail, violations));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.Violation(field, message))));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, detail));
    }

    public static ProblemException staleVersion(long expected, long actual) {
        return new ProblemException(Problem.of(ProblemType.STALE_VERSION,
                "version " + expected + " is stale; the current version is " + actual));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
    }
}
