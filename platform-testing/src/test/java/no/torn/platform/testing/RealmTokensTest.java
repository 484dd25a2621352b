package no.torn.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The realm as code (deploy/keycloak/torn-realm.json) imported into a real Keycloak issues the tokens the platform
 * relies on: home RHF, HF and employee number as claims, realm roles, and the API audience.
 */
class RealmTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeycloakResource KEYCLOAK = new KeycloakResource();

    @BeforeAll
    static void startKeycloak() {
        KEYCLOAK.start();
    }

    @Test
    void demoUserTokenCarriesTenantClaimsRolesAndAudience() {
        JsonNode claims = claims(TestTokens.user("vest-employee"));

        assertThat(claims.path("iss").asText()).isEqualTo(KeycloakResource.realmUrl());
        assertThat(claims.path("rhf").asText()).isEqualTo("helse-vest");
        assertThat(claims.path("hf").asText()).isEqualTo("helse-bergen");
        assertThat(claims.path("employee_number").asText()).isEqualTo("V1001");
        assertThat(claims.path("sub").asText()).isNotBlank();
        assertThat(claims.path("aud").toString()).contains("torn-api");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"employee\"");
    }

    @Test
    void nationalAdminKeepsAHomeRhf() {
        JsonNode claims = claims(TestTokens.user("sorost-national"));

        assertThat(claims.path("rhf").asText()).isEqualTo("helse-sor-ost");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"national-admin\"");
    }

    @Test
    void hrIntegrationServiceAccountCarriesItsRhf() {
        JsonNode claims = claims(TestTokens.hrIntegration("helse-nord"));

        assertThat(claims.path("rhf").asText()).isEqualTo("helse-nord");
        assertThat(claims.path("azp").asText()).isEqualTo("hr-integration-helse-nord");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"hr-integration\"");
        assertThat(claims.path("aud").toString()).contains("torn-api");
    }

    @Test
    void userWithoutRhfGetsATokenWithoutTheClaimAndWrongPasswordsAreRefused() {
        assertThat(claims(TestTokens.user("no-rhf")).has("rhf")).isFalse();
        assertThatThrownBy(() -> TestTokens.client("hr-integration-helse-vest", "wrong-secret"))
                .hasMessageContaining("401");
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
