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
 * <p>
 * Entries are keyed by the last {@value #KEY_LENGTH} characters of the token (the end of its signature): hashing
 * the whole 1.4 KB token string, new on every request, cost more than the rest of the lookup. Two tokens sharing
 * that tail only displace each other: a hit still needs the whole token to be equal.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** What a later request with the same token needs: the caller and when the token expires. */
    public record Verified(String token, Caller caller, long expiresAtEpochSecond) {
    }

    static final int KEY_LENGTH = 64;

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
        String key = keyOf(token);
        Verified verified = byToken.get(key);
        if (verified == null || !verified.token().equals(token)) {
            return null;
        }
        if (nowEpochSecond() >= verified.expiresAtEpochSecond()) {
            byToken.remove(key, verified);
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
        byToken.put(keyOf(token), new Verified(token, callerOf(principal, roles), expiresAt));
    }

    private static String keyOf(String token) {
        return token.length() <= KEY_LENGTH ? token : token.substring(token.length() - KEY_LENGTH);
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
        return new Caller(stringClaim(token, "azp"), token.getSubject(), stringClaim(token, "rhf"), Set.copyOf(roles));
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
