package no.torn.grants.domain;

import java.util.List;

/**
 * The inputs of an allocation or pot split cannot produce a valid result. Carries the offending fields so the API
 * can answer 422 with violations; kept free of web types so the calculators stay plain Java.
 */
public class AllocationRejected extends RuntimeException {

    /** One invalid input, named by its JSON path in the request. */
    public record Reason(String field, String message) {
    }

    private final transient List<Reason> reasons;

    public AllocationRejected(String detail, List<Reason> reasons) {
        super(detail, null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    public AllocationRejected(String field, String message) {
        this(field + ": " + message, List.of(new Reason(field, message)));
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
