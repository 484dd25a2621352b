package no.torn.platform.config;

import io.quarkus.oidc.OIDCException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemType;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * When Keycloak cannot be reached, token verification fails before any resource runs and Quarkus would answer 500.
 * Callers should instead see a retryable 503 problem, so this failure handler translates that case.
 */
@ApplicationScoped
public class IdentityProviderOutage {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.response().headWritten() || !causedByUnreachableIdentityProvider(context.failure())) {
            context.next();
            return;
        }
        Problem problem = Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                "The identity provider cannot be reached; retry later");
        context.response()
                .setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Retry-After", "5")
                .end(io.vertx.core.json.Json.encode(problem));
    }

    static boolean causedByUnreachableIdentityProvider(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OIDCException || t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
