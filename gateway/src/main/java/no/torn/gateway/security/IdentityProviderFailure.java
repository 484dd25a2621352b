package no.torn.gateway.security;

import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a token that could not be verified because Keycloak could not be asked (its signing keys are fetched when the
 * first token arrives, or again for an unknown key id) from a token that is invalid. The first is a 503 with
 * Retry-After, never a 401: a 401 would send the client after a new token it does not need.
 */
public final class IdentityProviderFailure {

    private IdentityProviderFailure() {
    }

    /** True when the failure, or any of its causes, is a refused, unroutable or timed-out call, or an error answer. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof TimeoutException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof OidcEndpointAccessException) {
                return true;
            }
        }
        return false;
    }
}
