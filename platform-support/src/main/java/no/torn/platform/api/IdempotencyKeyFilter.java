package no.torn.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import no.torn.platform.application.Idempotency;
import no.torn.platform.problem.ProblemException;

import java.util.List;

/**
 * A present but empty {@code Idempotency-Key} is refused here: {@code @HeaderParam} reads an empty header as absent,
 * which would silently turn "a key" into "no key". The other checks of the key live in {@link Idempotency}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class IdempotencyKeyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(Idempotency.HEADER);
        if (values == null) {
            return;
        }
        if (values.size() > 1) {
            request.abortWith(ProblemException.invalid(Idempotency.HEADER, "must be sent once").problem()
                    .toResponse());
        } else if (values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            request.abortWith(ProblemException.invalid(Idempotency.HEADER, "must not be blank").problem()
                    .toResponse());
        }
    }
}
