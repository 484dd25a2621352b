package no.torn.gateway.security;

import java.util.Set;

/**
 * Who sent an /api request, read once from its verified access token: the client id ({@code azp}), the subject
 * ({@code sub}: the user or service account), the home RHF ({@code rhf}) and the realm roles.
 */
public record Caller(String clientId, String subject, String rhf, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
