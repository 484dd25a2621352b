package no.torn.gateway.proxy;

import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Headers through which a client could claim an identity, a tenant or an origin that the token does not give it.
 * They are removed from every forwarded request; the gateway then sets the forwarding headers itself. Only the
 * {@code Authorization} header carries identity to the services, which verify the token again.
 */
public final class IdentityHeaders {

    private static final Set<String> EXACT = Set.of(
            "forwarded", "x-real-ip", "x-client-ip", "true-client-ip", "x-rhf", "x-hf", "x-tenant", "x-tenant-id",
            "x-roles", "x-role", "x-groups", "x-client-id", "x-remote-user", "remote-user", "x-principal",
            "x-subject", "x-employee-number", "x-email", "x-request-id", "x-original-url", "x-original-uri",
            "x-rewrite-url", "x-http-method-override", "x-http-method", "x-method-override", "proxy-authorization",
            "x-id-token", "x-access-token", "x-jwt", "x-jwt-assertion", "x-userinfo", "x-consumer-id",
            "x-consumer-username", "x-credential-identifier", "x-anonymous-consumer");

    private static final List<String> PREFIXES = List.of(
            "x-forwarded-", "x-user", "x-auth", "x-torn-", "x-authenticated-", "x-ms-client-principal",
            "x-goog-authenticated-", "x-amzn-oidc-", "x-remote-", "x-oidc-");

    private IdentityHeaders() {
    }

    public static boolean isIdentityHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (EXACT.contains(lower)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Removes every identity-bearing header from {@code headers}. */
    public static void strip(MultiMap headers) {
        List<String> doomed = new ArrayList<>();
        for (String name : headers.names()) {
            if (isIdentityHeader(name)) {
                doomed.add(name);
            }
        }
        doomed.forEach(headers::remove);
    }
}
