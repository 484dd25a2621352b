package no.torn.competence.reference;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.anonymous;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ReferenceDataTest {

    @Test
    void healthRegionsListEveryRhfWithItsTrustsAndOnlyVerifiedOrganisationNumbers() {
        as("vest-employee").get(ROOT + "/health-regions").then().statusCode(200)
                .body("code", contains("helse-nord", "helse-midt", "helse-vest", "helse-sor-ost"))
                .body("find { it.code == 'helse-vest' }.hospitalTrusts.code",
                        contains("helse-bergen", "helse-stavanger", "helse-fonna", "helse-forde"))
                .body("find { it.code == 'helse-vest' }.name", equalTo("Helse Vest RHF"))
                .body("find { it.code == 'helse-vest' }.organisationNumber", nullValue())
                .body("find { it.code == 'helse-vest' }.organisationNumberSource", nullValue())
                .body("find { it.code == 'helse-sor-ost' }.organisationNumber", equalTo("991324968"))
                .body("find { it.code == 'helse-sor-ost' }.hospitalTrusts.find { it.code == 'sunnaas' }"
                        + ".organisationNumber", equalTo("883971752"))
                .body("find { it.code == 'helse-sor-ost' }.hospitalTrusts.find { it.code == 'sunnaas' }"
                        + ".organisationNumberSource", equalTo("https://no.wikipedia.org/wiki/Sunnaas_sykehus"))
                .body("find { it.code == 'helse-sor-ost' }.hospitalTrusts.find { it.code == 'ous' }.name",
                        equalTo("Oslo universitetssykehus HF"))
                .body("find { it.code == 'helse-midt' }.hospitalTrusts.organisationNumber", everyItem(nullValue()));
    }

    @Test
    void oneRegionByCodeAndAnUnknownCodeIsA404() {
        // Reference data is public: another RHF's user reads it as well.
        as("sorost-hr").get(ROOT + "/health-regions/helse-vest").then().statusCode(200)
                .body("hospitalTrusts.size()", equalTo(4));
        as("vest-hr").get(ROOT + "/health-regions/helse-ukjent").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void competenceCategoriesNameTheirKind() {
        as("vest-auditor").get(ROOT + "/competence-categories").then().statusCode(200)
                .body("code", contains("EDUCATION", "AUTHORISATION", "SPECIALISATION", "CERTIFICATION",
                        "PROCEDURE", "COURSE", "EXPERIENCE"))
                .body("find { it.code == 'AUTHORISATION' }.kind", equalTo("FORMAL"))
                .body("find { it.code == 'PROCEDURE' }.kind", equalTo("REAL"))
                .body("description", everyItem(org.hamcrest.Matchers.not(nullValue())));
    }

    @Test
    void everyRoleReadsReferenceDataButNotWithoutATokenOrRole() {
        for (String user : new String[]{"vest-national", "vest-admin", "vest-hr", "vest-leader", "vest-employee",
                "vest-auditor"}) {
            as(user).get(ROOT + "/health-regions").then().statusCode(200);
            as(user).get(ROOT + "/competence-categories").then().statusCode(200);
            as(user).get(ROOT + "/personnel-groups").then().statusCode(200)
                    .body("code", hasItems("portor", "matvert", "renholder"));
        }
        anonymous().get(ROOT + "/health-regions").then().statusCode(401);
        as("vest-norole").get(ROOT + "/competence-categories").then().statusCode(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheReferenceOperations() {
        anonymous().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'" + ROOT + "/health-regions'.get.operationId", equalTo("listHealthRegions"))
                .body("paths.'" + ROOT + "/health-regions/{rhf}'.get.parameters[0].example", equalTo("helse-vest"))
                .body("paths.'" + ROOT + "/competence-categories'.get.operationId",
                        equalTo("listCompetenceCategories"))
                .body("components.schemas.HealthRegion.properties.hospitalTrusts.type", equalTo("array"));
    }
}
