package no.torn.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Finds the caller of an /api request. Authentication is lazy (not proactive), so only /api requests pay for it: a
 * token verified before is answered from {@link VerifiedTokens} without the security pipeline; any other token is
 * verified in full by the OIDC extension (signature via JWKS, issuer, audience, expiry) and then remembered by
 * {@link VerifiedTokenRecorder}.
 */
@ApplicationScoped
public class CallerAuthenticator {

    /**
     * Present while the OIDC extension verifies a token: a failure that is not about the token itself (IdP
     * unreachable) then reaches the failure handler with this key set.
     */
    public static final String VERIFYING_KEY = "torn.token-verifying";

    private static final String BEARER = "bearer ";

    /**
     * With lazy authentication, Quarkus's default answer to a failed verification is a bare 401 with an empty body.
     * This one fails the request with the underlying cause instead, so that {@code EdgeHandler.failure} answers: a
     * 401 problem, or a 503 when the identity provider could not be asked.
     */
    private static final BiConsumer<RoutingContext, Throwable> FAIL_REQUEST = (ctx, failure) -> {
        if (!ctx.failed() && !ctx.response().ended()) {
            ctx.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    @Inject
    VerifiedTokens tokens;

    /**
     * Continues with the caller, or with null when the request carries no usable bearer token. A token that fails
     * verification fails the routing context with the authentication failure instead.
     */
    public void authenticate(RoutingContext ctx, Consumer<Caller> next) {
        String token = bearerToken(ctx.request());
        if (token == null) {
            next.accept(null);
            return;
        }
        VerifiedTokens.Verified verified = tokens.find(token);
        if (verified != null) {
            tokens.reused();
            next.accept(verified.caller());
            return;
        }
        ctx.put(VERIFYING_KEY, Boolean.TRUE);
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAIL_REQUEST);
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> {
                    ctx.remove(VERIFYING_KEY);
                    next.accept(caller(identity));
                },
                // FAIL_REQUEST, called by the security layer, has normally failed the request already
                failure -> FAIL_REQUEST.accept(ctx, failure));
    }

    private static Caller caller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        return VerifiedTokens.callerOf(jwt, identity.getRoles());
    }

    private static String bearerToken(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
