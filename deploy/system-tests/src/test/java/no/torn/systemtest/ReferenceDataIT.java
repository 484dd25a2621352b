package no.torn.systemtest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static no.torn.systemtest.Gateway.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference data as an integrator meets it through the gateway: one representation of the personnel groups wherever
 * a service serves them, and the RHFs with their hospital trusts.
 */
class ReferenceDataIT {

    @Test
    void everyServiceServesThePersonnelGroupsAlike() {
        List<Map<String, Object>> competence = as("vest-admin").get("/api/v1/competence/personnel-groups")
                .then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> tasks = as("vest-admin").get("/api/v1/tasks/personnel-groups")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(competence).hasSizeGreaterThanOrEqualTo(15);
        assertThat(tasks).containsExactlyInAnyOrderElementsOf(competence);
    }

    @Test
    void theHealthRegionsListEveryRhfWithItsTrusts() {
        List<String> rhfs = as("sorost-hr").get("/api/v1/competence/health-regions")
                .then().statusCode(200).extract().jsonPath().getList("code");
        assertThat(rhfs).containsExactlyInAnyOrder("helse-nord", "helse-midt", "helse-vest", "helse-sor-ost");
    }
}
