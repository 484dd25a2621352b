package no.torn.gateway.security;

import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;
import io.quarkus.security.AuthenticationFailedException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityProviderFailureTest {

    @Test
    void aRefusedOrTimedOutKeyFetchBehindTheAuthenticationFailureIsUnreachable() {
        assertThat(IdentityProviderFailure.isUnreachable(
                new AuthenticationFailedException(new RuntimeException(new ConnectException("refused"))))).isTrue();
        assertThat(IdentityProviderFailure.isUnreachable(
                new AuthenticationFailedException(new TimeoutException("no answer")))).isTrue();
        assertThat(IdentityProviderFailure.isUnreachable(
                new AuthenticationFailedException(new OidcEndpointAccessException(503)))).isTrue();
    }

    @Test
    void anInvalidTokenIsNot() {
        assertThat(IdentityProviderFailure.isUnreachable(new AuthenticationFailedException("bad signature"))).isFalse();
        assertThat(IdentityProviderFailure.isUnreachable(
                new AuthenticationFailedException(new IllegalArgumentException("expired")))).isFalse();
        assertThat(IdentityProviderFailure.isUnreachable(null)).isFalse();
    }
}
