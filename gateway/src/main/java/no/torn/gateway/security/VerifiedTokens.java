package no.torn.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.gateway.config.GatewayConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Access tokens whose signature, issuer, audience and expiry the OIDC extension has already verified, kept until
 * they expire. A client sends the same token for many requests; verifying its RSA signature and parsing its claims
 * again each time was the gateway's largest cost per request. A token is only ever found here after a full
 * verification of exactly the same string, and never after its {@code exp}.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** What a later request with the same token needs: the caller and when the token expires. */
    public record Verified(Caller caller, long expiresAtEpochSecond) {
    }

    private final ConcurrentMap<String, Verified> byToken = new ConcurrentHashMap<>();
    private final LongAdder reused = new LongAdder();
    private final int maxSize;

    @Inject
    public VerifiedTokens(GatewayConfig config) {
        this.maxSize = config.tokenCacheSize();
    }

    public boolean enabled() {
        return maxSize > 0;
    }

    public Verified find(String token) {
        if (!enabled() || token == null) {
            return null;
        }
        Verified verified = byToken.get(token);
        if (verified == null) {
            return null;
        }
        if (nowEpochSecond() >= verified.expiresAtEpochSecond()) {
            byToken.remove(token, verified);
            return null;
        }
        return verified;
    }

    public void remember(String token, JsonWebToken principal, Set<String> roles) {
        long expiresAt = principal.getExpirationTime();
        if (!enabled() || token == null || expiresAt <= nowEpochSecond()) {
            return;
        }
        if (byToken.size() >= maxSize) {
            evict();
        }
        byToken.put(token, new Verified(callerOf(principal, roles), expiresAt));
    }

    /** Counts a request answered from a remembered verification. */
    public void reused() {
        reused.increment();
    }

    public long reuseCount() {
        return reused.sum();
    }

    public int size() {
        return byToken.size();
    }

    /** Reads the claims the gateway needs once, when the token is verified. */
    public static Caller callerOf(JsonWebToken token, Set<String> roles) {
        return new Caller(stringClaim(token, "azp"), stringClaim(token, "rhf"), Set.copyOf(roles));
    }

    private static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value == null ? null : String.valueOf(value);
    }

    private void evict() {
        long now = nowEpochSecond();
        byToken.values().removeIf(v -> now >= v.expiresAtEpochSecond());
        if (byToken.size() >= maxSize) {
            // all still valid: start over rather than track recency; they are verified again on next use
            byToken.clear();
        }
    }

    private static long nowEpochSecond() {
        return System.currentTimeMillis() / 1000;
    }
}
