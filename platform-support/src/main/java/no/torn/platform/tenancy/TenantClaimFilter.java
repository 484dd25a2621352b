package no.torn.platform.tenancy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Defence in depth behind the gateway: an authenticated token without a known home RHF is refused before any
 * resource runs, whatever its roles.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class TenantClaimFilter implements ContainerRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Override
    public void filter(ContainerRequestContext request) {
        if (identity.isAnonymous() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String rhf = Caller.claim(token, Caller.RHF_CLAIM);
        if (rhf == null || HealthRegion.fromCode(rhf).isEmpty()) {
            request.abortWith(Problem.of(ProblemType.FORBIDDEN, "The token carries no known rhf claim").toResponse());
        }
    }
}
