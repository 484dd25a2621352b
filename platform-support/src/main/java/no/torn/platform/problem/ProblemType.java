package no.torn.platform.problem;

/** The kinds of problem the platform reports; the slug becomes the problem's {@code type} URI. */
public enum ProblemType {
    VALIDATION("validation-error", "Invalid request", 400),
    MALFORMED("malformed-request", "Malformed request body", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Access denied", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    STALE_VERSION("stale-version", "The resource was changed by someone else", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    RULE_VIOLATION("rule-violation", "Business rule violated", 422),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503),
    INTERNAL("internal-error", "Internal error", 500);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != STALE_VERSION && t != MALFORMED) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
