package no.torn.gateway.security;

import no.torn.gateway.config.GatewayConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private static VerifiedTokens cache(int size) {
        GatewayConfig config = (GatewayConfig) Proxy.newProxyInstance(GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("tokenCacheSize")) {
                        return size;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new VerifiedTokens(config);
    }

    private static JsonWebToken expiringIn(long seconds) {
        long exp = System.currentTimeMillis() / 1000 + seconds;
        return (JsonWebToken) Proxy.newProxyInstance(JsonWebToken.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getExpirationTime")) {
                        return exp;
                    }
                    return null;
                });
    }

    @Test
    void findsOnlyTheExactTokenAndOnlyBeforeItExpires() {
        VerifiedTokens tokens = cache(10);
        tokens.remember("a.b.c", expiringIn(600), Set.of("hf-hr"));
        assertThat(tokens.find("a.b.c").caller().roles()).containsExactly("hf-hr");
        assertThat(tokens.find("a.b.d")).isNull();
        assertThat(tokens.find(null)).isNull();

        tokens.remember("expired", expiringIn(-1), Set.of());
        assertThat(tokens.find("expired")).isNull();
        tokens.remember("expiring-now", expiringIn(0), Set.of());
        assertThat(tokens.find("expiring-now")).isNull();
    }

    @Test
    void aTokenSharingAnotherTokensTailIsNotTakenForIt() {
        VerifiedTokens tokens = cache(10);
        String tail = "s".repeat(VerifiedTokens.KEY_LENGTH);
        String first = "header.first-payload." + tail;
        String second = "header.second-payload." + tail;
        tokens.remember(first, expiringIn(600), Set.of("hf-hr"));
        assertThat(tokens.find(second)).isNull();
        assertThat(tokens.find(first).token()).isEqualTo(first);

        tokens.remember(second, expiringIn(600), Set.of("national-admin"));
        assertThat(tokens.find(second).caller().roles()).containsExactly("national-admin");
        assertThat(tokens.find(first)).isNull(); // displaced, verified again on next use
    }

    @Test
    void staysWithinItsSizeAndCanBeTurnedOff() {
        VerifiedTokens tokens = cache(3);
        for (int i = 0; i < 10; i++) {
            tokens.remember("t" + i, expiringIn(600), Set.of());
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        assertThat(tokens.find("t9")).isNotNull();

        VerifiedTokens off = cache(0);
        off.remember("t", expiringIn(600), Set.of());
        assertThat(off.find("t")).isNull();
    }
}
