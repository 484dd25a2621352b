package no.torn.competence.domain.register;

/**
 * The register gave no usable answer. {@code transientFailure} marks a failure worth retrying (refused connection,
 * timeout, 5xx); otherwise the answer itself was wrong (a 4xx other than 404, an unreadable body) and asking again
 * would give the same.
 */
public class RegisterUnavailable extends RuntimeException {

    private final boolean transientFailure;

    public RegisterUnavailable(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
